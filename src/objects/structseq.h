// Struct sequences (Include/structseq.h, Objects/structseq.c): named tuples written in C++,
// such as sys.flags, os.stat_result or time.struct_time.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

// PyStructSequence_Field: a null name ends the table; kStructSeqUnnamedField marks a
// position with no attribute.
struct StructSeqField {
  const char* name;
  const char* doc;
};
extern const char* const kStructSeqUnnamedField;  // PyStructSequence_UnnamedField

// PyStructSequence_Desc: the type's qualified name ("os.stat_result"), its doc, its fields,
// and how many of them are visible as tuple items (the rest are attributes only).
struct StructSeqDesc {
  const char* name;
  const char* doc;
  StructSeqField* fields;
  int n_in_sequence;
};

// PyStructSequence_InitType2: fills a zeroed static type from desc; 0 or -1 with an error.
// Calling it again on a ready type does nothing. tp_flags are added to the type's flags, as
// _PyStructSequence_InitBuiltinWithFlags does (kTpflagsDisallowInstantiation for sys.flags).
int structseq_init_type(TypeObject* type, StructSeqDesc* desc, unsigned long tp_flags = 0);
// PyStructSequence_New: an instance with every field null (fill all with structseq_set_item).
Object* structseq_new(TypeObject* type);
// PyStructSequence_SetItem (steals v) / GetItem (borrowed); i counts hidden fields too.
void structseq_set_item(Object* s, ssize i, Object* v);
Object* structseq_get_item(Object* s, ssize i);

}  // namespace cppy::objects
