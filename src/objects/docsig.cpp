// The lookup of the generated internal docs (docsig_gen.cpp).
#include "objects/docsig.h"

#include <algorithm>
#include <cstring>

namespace cppy::objects {

namespace docsig_data {
extern const DocEntry kEntries[];
extern const unsigned long kCount;
}  // namespace docsig_data

const char* builtin_internal_doc(const char* owner, const char* name) {
  const DocEntry* begin = docsig_data::kEntries;
  const DocEntry* end = begin + docsig_data::kCount;
  auto less = [](const DocEntry& e, std::pair<const char*, const char*> key) {
    int c = std::strcmp(e.owner, key.first);
    return c < 0 || (c == 0 && std::strcmp(e.name, key.second) < 0);
  };
  const DocEntry* it = std::lower_bound(begin, end, std::make_pair(owner, name), less);
  if (it != end && std::strcmp(it->owner, owner) == 0 && std::strcmp(it->name, name) == 0)
    return it->doc;
  return nullptr;
}

void apply_builtin_docs(const char* owner, MethodDef* methods) {
  if (!owner) return;
  for (MethodDef* ml = methods; ml && ml->name; ++ml)
    if (const char* doc = builtin_internal_doc(owner, ml->name)) ml->doc = doc;
}

}  // namespace cppy::objects
