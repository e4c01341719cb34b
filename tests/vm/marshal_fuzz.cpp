// A mutation fuzzer for marshal.loads (issue 5: malformed marshal data raises ValueError,
// EOFError or TypeError, never crashes, never takes unbounded memory).
//
//   marshal_fuzz DATA_DIR ITERATIONS [SEED [LAST_INPUT_FILE]]
//   marshal_fuzz --one FILE
//
// The seeds are the reference's own marshal data: every value of DATA_DIR/marshal/cases.txt
// (tools/pycdata, versions 0 to 5) and the code objects of the reference's .pyc files under
// DATA_DIR/pyc (the 16-byte header dropped). Each iteration takes a seed, applies one to four
// random mutations (bit flips, interesting bytes and 32-bit lengths, insertions, deletions,
// duplicated or spliced chunks, truncation) and calls marshal::loads on the result; whatever it
// returns is released (after the cycles through code objects are broken, see
// break_code_cycles), an exception is cleared. The run is deterministic for a given SEED.
// With LAST_INPUT_FILE each input is written there before it is loaded (after a crash the file
// holds the culprit); --one loads one such file.
// Built with the asan preset, a million iterations check memory safety (see tests/cmake/front.cmake).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "errors/errors.h"
#include "gc/gc.h"
#include "marshal/marshal.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/object.h"
#include "objects/setobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "runtime/pystate.h"

using namespace cppy;

namespace {

struct Rng {
  uint64_t s;
  uint64_t next() {  // xorshift64*
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return s * 2685821657736338717ULL;
  }
  size_t below(size_t n) { return n == 0 ? 0 : size_t(next() % n); }
};

std::string unhex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(char(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

std::vector<std::string> load_seeds(const std::string& dir) {
  std::vector<std::string> seeds;
  std::ifstream in(dir + "/marshal/cases.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('|'), b = line.find('|', a + 1), c = line.find('|', b + 1);
    if (a == std::string::npos || b == std::string::npos || c == std::string::npos) continue;
    std::string hex = line.substr(b + 1, c - b - 1);
    if (hex != "error") seeds.push_back(unhex(hex));
  }
  std::error_code ec;
  for (auto& entry : std::filesystem::recursive_directory_iterator(dir + "/pyc", ec)) {
    if (entry.path().extension() != ".pyc") continue;
    std::ifstream f(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    std::string data = ss.str();
    if (data.size() > 16) seeds.push_back(data.substr(16));
  }
  return seeds;
}

// Values that make length and index fields interesting: 0, 1, boundaries, negative.
const uint32_t kInteresting32[] = {0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff,
                                   0x10000, 0x7fffffff, 0x80000000u, 0xffffffffu, 0xfffffffeu};
const uint8_t kInteresting8[] = {0, 1, 0x7f, 0x80, 0xff, '0', 'N', 'T', 'F', '.', 'S', 'E',
                                 'i', 'I', 'l', 'f', 'g', 'x', 'y', 'z', 'Z', 's', 't', 'u',
                                 'a', 'A', 'r', '(', ')', '[', '{', '}', '<', '>', 'c', 'r' | 0x80,
                                 ')' | 0x80, 'c' | 0x80, 'u' | 0x80, 'a' | 0x80};

void mutate(Rng& rng, std::string& d, const std::vector<std::string>& seeds) {
  int count = 1 + int(rng.below(4));
  for (int k = 0; k < count; k++) {
    switch (rng.below(9)) {
      case 0:  // flip a bit
        if (!d.empty()) d[rng.below(d.size())] ^= char(1u << rng.below(8));
        break;
      case 1:  // an interesting byte
        if (!d.empty())
          d[rng.below(d.size())] = char(kInteresting8[rng.below(sizeof kInteresting8)]);
        break;
      case 2: {  // an interesting 32-bit little-endian value (lengths, counts, references)
        if (d.size() < 4) break;
        uint32_t v = kInteresting32[rng.below(sizeof kInteresting32 / 4)];
        size_t at = rng.below(d.size() - 3);
        for (int i = 0; i < 4; i++) d[at + i] = char((v >> (8 * i)) & 0xff);
        break;
      }
      case 3:  // a random byte
        if (!d.empty()) d[rng.below(d.size())] = char(rng.next() & 0xff);
        break;
      case 4: {  // insert random bytes
        size_t at = rng.below(d.size() + 1);
        std::string ins(1 + rng.below(8), '\0');
        for (char& c : ins) c = char(rng.next() & 0xff);
        d.insert(at, ins);
        break;
      }
      case 5: {  // delete a chunk
        if (d.empty()) break;
        size_t at = rng.below(d.size());
        d.erase(at, 1 + rng.below(std::min<size_t>(16, d.size() - at)));
        break;
      }
      case 6: {  // duplicate a chunk in place
        if (d.empty() || d.size() > 100000) break;
        size_t at = rng.below(d.size());
        size_t len = 1 + rng.below(std::min<size_t>(64, d.size() - at));
        d.insert(rng.below(d.size() + 1), d.substr(at, len));
        break;
      }
      case 7: {  // splice in a chunk of another seed
        const std::string& other = seeds[rng.below(seeds.size())];
        if (other.empty()) break;
        size_t from = rng.below(other.size());
        size_t len = 1 + rng.below(std::min<size_t>(64, other.size() - from));
        size_t at = rng.below(d.size() + 1);
        d.replace(at, std::min(len, d.size() - at), other.substr(from, len));
        break;
      }
      case 8:  // truncate
        if (!d.empty()) d.resize(rng.below(d.size()));
        break;
    }
  }
}

// A code object is not tracked by the collector (CPython's default build: PyCode_Type has no
// Py_TPFLAGS_HAVE_GC), and marshal registers a tuple, list, dict or set before reading its
// items, so data whose back reference puts the enclosing container into a code object's
// constants makes a cycle that no collection can free: the collector never sees the code
// object's reference. CPython 3.14 keeps such a cycle alive as well (marshal.loads of a tuple
// holding a code object whose co_consts is a reference to that tuple: the code object is still
// alive after gc.collect() on the reference). The fuzzer is about memory safety, so before
// releasing a result it breaks those cycles: every code object reachable from the result
// (through the containers marshal builds and co_consts) gets the empty tuple as its
// constants. A leak report at exit then means a real leak.
void collect_code_objects(objects::Object* o, std::unordered_set<objects::Object*>& seen,
                          std::vector<objects::Object*>& codes) {
  std::vector<objects::Object*> todo{o};
  while (!todo.empty()) {
    objects::Object* x = todo.back();
    todo.pop_back();
    if (!x || !seen.insert(x).second) continue;
    if (objects::code_check(x)) {
      codes.push_back(x);
      todo.push_back(static_cast<objects::CodeObject*>(x)->co_consts);
    } else if (x->type == &objects::tuple_type || x->type == &objects::list_type ||
               x->type == &objects::dict_type || x->type == &objects::set_type ||
               x->type == &objects::frozenset_type || x->type == &objects::slice_type) {
      x->type->traverse(
          x,
          [](objects::Object* item, void* arg) {
            static_cast<std::vector<objects::Object*>*>(arg)->push_back(item);
            return 0;
          },
          &todo);
    }
  }
}

void break_code_cycles(objects::Object* v) {
  std::unordered_set<objects::Object*> seen;
  std::vector<objects::Object*> codes;
  collect_code_objects(v, seen, codes);
  // Held while their constants are replaced: dropping one code object's constants may free
  // another code object of the list.
  for (objects::Object* c : codes) objects::incref(c);
  for (objects::Object* c : codes) {
    auto* co = static_cast<objects::CodeObject*>(c);
    objects::Object* old = co->co_consts;
    co->co_consts = objects::new_ref(objects::tuple_empty());
    objects::xdecref(old);
  }
  for (objects::Object* c : codes) objects::decref(c);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: marshal_fuzz DATA_DIR ITERATIONS [SEED [LAST_INPUT_FILE]]\n"
                 "       marshal_fuzz --one FILE\n";
    return 2;
  }
  if (std::string(argv[1]) == "--one") {
    runtime::initialize_objects();
    std::ifstream f(argv[2], std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    std::string d = ss.str();
    objects::Object* v = marshal::loads(d.data(), d.size());
    std::cout << (v ? "loaded" : "refused") << "\n";
    if (v) {
      break_code_cycles(v);
      objects::decref(v);
    }
    errors::clear();
    gc::collect(2);
    return 0;
  }
  const char* last_input = argc > 4 ? argv[4] : nullptr;
  std::string dir = argv[1];
  long iterations = std::atol(argv[2]);
  Rng rng{argc > 3 ? std::strtoull(argv[3], nullptr, 0) : 0x9e3779b97f4a7c15ULL};
  if (rng.s == 0) rng.s = 1;
  runtime::initialize_objects();
  std::vector<std::string> seeds = load_seeds(dir);
  if (seeds.size() < 10) {
    std::cerr << "too few seeds under " << dir << "\n";
    return 2;
  }
  long loaded = 0, refused = 0;
  for (long i = 0; i < iterations; i++) {
    std::string d = seeds[rng.below(seeds.size())];
    mutate(rng, d, seeds);
    if (last_input) {
      std::ofstream out(last_input, std::ios::binary | std::ios::trunc);
      out << d;
    }
    objects::Object* v = marshal::loads(d.data(), d.size());
    if (v) {
      loaded++;
      break_code_cycles(v);
      objects::decref(v);
    } else {
      if (!errors::occurred()) {
        std::cerr << "iteration " << i << ": loads failed without an exception\n";
        return 1;
      }
      refused++;
      errors::clear();
    }
    if (i % 4096 == 4095) gc::collect(2);
  }
  gc::collect(2);  // the collectable cycles of the last iterations
  std::cout << iterations << " iterations over " << seeds.size() << " seeds: " << loaded
            << " loaded, " << refused << " refused, no crash\n";
  return 0;
}
