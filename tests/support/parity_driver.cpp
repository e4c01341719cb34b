#include "parity_driver.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "sha256.h"

namespace cppy::tests {

bool read_file(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::stringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t pos = 0;
  for (;;) {
    size_t tab = line.find('\t', pos);
    fields.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
    if (tab == std::string::npos) break;
    pos = tab + 1;
  }
  return fields;
}

std::string unescape_field(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); i++) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[++i];
      out.push_back(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n);
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

int run_stdlib_parity(int argc, char** argv, const char* usage, int digest_column,
                      bool errors_can_match, const ParityText& text_of) {
  if (argc < 4) {
    std::cerr << "usage: " << usage << "\n";
    return 2;
  }
  std::string libdir = argv[1];
  int min_identical = std::atoi(argv[3]);
  int show = 0;
  bool list_ok = false;
  for (int i = 4; i < argc; i++) {
    std::string a = argv[i];
    if (a == "--ok") list_ok = true;
    if (a == "--show" && i + 1 < argc) show = std::atoi(argv[i + 1]);
    if (a == "--dump" && i + 1 < argc) {
      std::string src;
      if (!read_file(libdir + "/" + argv[i + 1], &src)) return 2;
      bool is_error = false;
      std::cout << text_of(src, argv[i + 1], &is_error) << "\n";
      return 0;
    }
  }
  std::ifstream tsv(argv[2]);
  if (!tsv) {
    std::cerr << "cannot read " << argv[2] << "\n";
    return 2;
  }
  std::string line;
  int total = 0, identical = 0;
  while (std::getline(tsv, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = split_tabs(line);
    if (int(fields.size()) <= digest_column) continue;
    const std::string& rel = fields[0];
    const std::string& expected = fields[digest_column];
    total++;
    std::string src;
    if (!read_file(libdir + "/" + rel, &src)) {
      if (show-- > 0) std::cerr << rel << ": missing\n";
      continue;
    }
    bool is_error = false;
    std::string text = text_of(src, rel, &is_error);
    bool same;
    if (expected.rfind("error:", 0) == 0) {
      same = errors_can_match && is_error && text.rfind(expected, 0) == 0;
    } else {
      Sha256 h;
      h.update(text);
      same = !is_error && h.hexdigest() == expected;
    }
    if (same) {
      identical++;
      if (list_ok) std::cout << "ok " << rel << "\n";
    } else if (show-- > 0) {
      std::cerr << rel << ": " << (is_error ? text : "digest differs") << "\n";
    }
  }
  std::cout << identical << "/" << total << " identical\n";
  if (identical < min_identical) {
    std::cerr << "below the committed figure " << min_identical << "\n";
    return 1;
  }
  return 0;
}

}  // namespace cppy::tests
