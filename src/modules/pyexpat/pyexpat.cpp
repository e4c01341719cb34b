// The pyexpat module: Modules/pyexpat.c of CPython 3.14 over the system libexpat
// (libexpat1-dev). Parser objects run with the GIL held, so they need no lock of their own.
// What depends on the library (EXPAT_VERSION, version_info, features, reparse deferral,
// the allocation tracker) follows the libexpat cppy is built with, as CPython's does.
#include "modules/pyexpat/pyexpat.h"

#include <expat.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "modules/_codecs/codecs.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/buffer.h"
#include "objects/bytearrayobject.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "vm/traceback.h"

namespace cppy::modules::pyexpat {

using namespace objects;

namespace {

#define XML_COMBINED_VERSION (10000 * XML_MAJOR_VERSION + 100 * XML_MINOR_VERSION + XML_MICRO_VERSION)

constexpr int kCharacterDataBufferSize = 8192;  // CHARACTER_DATA_BUFFER_SIZE
constexpr int kReadBufSize = 2048;              // BUF_SIZE of ParseFile

// enum HandlerTypes: the order of handler_info.
enum HandlerType {
  StartElement,
  EndElement,
  ProcessingInstruction,
  CharacterData,
  UnparsedEntityDecl,
  NotationDecl,
  StartNamespaceDecl,
  EndNamespaceDecl,
  Comment,
  StartCdataSection,
  EndCdataSection,
  Default,
  DefaultHandlerExpand,
  NotStandalone,
  ExternalEntityRef,
  StartDoctypeDecl,
  EndDoctypeDecl,
  EntityDecl,
  XmlDecl,
  ElementDecl,
  AttlistDecl,
  SkippedEntity,
  kHandlerCount
};

TypeObject* expat_error = nullptr;  // xml.parsers.expat.ExpatError
TypeObject xmlparse_type{};

struct Parser : Object {
  XML_Parser itself;
  int ordered_attributes;    // attributes as a list
  int specified_attributes;  // only the specified attributes
  int in_callback;           // a handler is running
  int ns_prefixes;           // namespace triplets
  bool reparse_deferral_enabled;
  char* buffer;              // character data accumulated when buffer_text is on, else null
  int buffer_size;
  int buffer_used;
  Object* intern;            // dict interning the names, or null
  Object* handlers[kHandlerCount];
  Object* parent;            // the parser an external entity parser was created from
};

// ---- errors -----------------------------------------------------------------------------

// set_error: ExpatError("<message>: line L, column C") with code, offset and lineno.
Object* set_error(Parser* self, XML_Error code) {
  XML_Parser parser = self->itself;
  int lineno = static_cast<int>(XML_GetErrorLineNumber(parser));
  int column = static_cast<int>(XML_GetErrorColumnNumber(parser));
  const char* msg = XML_ErrorString(code);
  Ref<> buffer = Ref<>::steal(
      str_from_format("%s: line %i, column %i", msg ? msg : "(null)", lineno, column));
  if (!buffer) return nullptr;
  Ref<> err = Ref<>::steal(object_call_one_arg(expat_error, buffer.get()));
  if (!err) return nullptr;
  const std::pair<const char*, long> attrs[] = {
      {"code", static_cast<long>(code)}, {"offset", column}, {"lineno", lineno}};
  for (const auto& [name, value] : attrs) {
    Ref<> v = Ref<>::steal(long_from_long(value));
    if (!v || object_setattr_string(err.get(), name, v.get()) < 0) return nullptr;
  }
  errors::set_object(expat_error, err.get());
  return nullptr;
}

// ---- conversions ------------------------------------------------------------------------

// conv_string_to_unicode: None for a null pointer.
Object* conv_string_to_unicode(const XML_Char* s) {
  if (!s) return return_none();
  return str_decode_utf8(s, static_cast<ssize>(std::strlen(s)), "strict");
}

// conv_string_len_to_unicode.
Object* conv_string_len_to_unicode(const XML_Char* s, int len) {
  if (!s) return return_none();
  return str_decode_utf8(s, len, "strict");
}

// string_intern: the converted string, shared through self->intern (None included, as
// CPython stores it).
Object* string_intern(Parser* self, const char* s) {
  Object* result = conv_string_to_unicode(s);
  if (!result || !self->intern) return result;
  Object* value = nullptr;
  int r = dict_get_item_ref(self->intern, result, &value);
  if (r == 0 && dict_set_item(self->intern, result, result) == 0) return result;
  decref(result);
  return value;
}

// ---- handler installation ---------------------------------------------------------------

void clear_handlers(Parser* self, bool initial);
void install_handler(XML_Parser p, int which, bool on);

// error_external_entity_ref_handler: installed once an exception is pending, so that an
// external entity cannot restart parsing.
int XMLCALL error_external_entity_ref_handler(XML_Parser, const XML_Char*, const XML_Char*,
                                              const XML_Char*, const XML_Char*) {
  return 0;
}

// noop_character_data_handler: replaces the character data handler from inside itself.
void XMLCALL noop_character_data_handler(void*, const XML_Char*, int) {}

// flag_error.
void flag_error(Parser* self) {
  clear_handlers(self, false);
  XML_SetExternalEntityRefHandler(self->itself, error_external_entity_ref_handler);
}

// The traceback entry of a raising handler: CPython names the handler and the line of
// Modules/pyexpat.c (3.14.2) that called it; the lines were read from the reference's
// tracebacks (tests/py/xml/pyexpat_tracebacks.py shows them).
struct HandlerFrame {
  const char* name;
  int line;
};
const HandlerFrame kHandlerFrames[] = {
    {"StartElement", 489},       {"EndElement", 555},        {"ProcessingInstruction", 561},
    {"CharacterData", 354},      {"UnparsedEntityDecl", 573}, {"NotationDecl", 707},
    {"StartNamespaceDecl", 714}, {"EndNamespaceDecl", 719},  {"Comment", 723},
    {"StartCdataSection", 727},  {"EndCdataSection", 731},   {"Default", 735},
    {"DefaultHandlerExpand", 739}, {"NotStandalone", 744},   {"ExternalEntityRef", 758},
    {"StartDoctypeDecl", 768},   {"EndDoctypeDecl", 770},    {"EntityDecl", 590},
    {"XmlDecl", 600},            {"ElementDecl", 662},       {"AttlistDecl", 688},
    {"SkippedEntity", 696}};

// call_with_frame: calls the handler; an exception gets the handler's traceback entry
// (_PyTraceback_Add) and stops the parser.
Object* call_with_frame(int type, Object* func, Object* args, Parser* self) {
  Object* res = object_call(func, args, nullptr);
  if (!res) {
    vm::traceback_add(kHandlerFrames[type].name, "./Modules/pyexpat.c",
                      kHandlerFrames[type].line);
    XML_StopParser(self->itself, XML_FALSE);
  }
  return res;
}

bool have_handler(Parser* self, int type) { return self->handlers[type] != nullptr; }

// call_character_handler: 0, or -1 with the handler removed.
int call_character_handler(Parser* self, const XML_Char* buffer, int len) {
  if (!have_handler(self, CharacterData)) return -1;
  Object* text = conv_string_len_to_unicode(buffer, len);
  if (!text) {
    flag_error(self);
    XML_SetCharacterDataHandler(self->itself, noop_character_data_handler);
    return -1;
  }
  Ref<> args = Ref<>::steal(tuple_pack(1, text));
  decref(text);
  if (!args) return -1;
  self->in_callback = 1;
  Object* temp = call_with_frame(CharacterData, self->handlers[CharacterData], args.get(), self);
  self->in_callback = 0;
  if (!temp) {
    flag_error(self);
    XML_SetCharacterDataHandler(self->itself, noop_character_data_handler);
    return -1;
  }
  decref(temp);
  return 0;
}

// flush_character_buffer.
int flush_character_buffer(Parser* self) {
  if (!self->buffer || self->buffer_used == 0) return 0;
  int rc = call_character_handler(self, self->buffer, self->buffer_used);
  self->buffer_used = 0;
  return rc;
}

void XMLCALL my_CharacterDataHandler(void* user_data, const XML_Char* data, int len) {
  auto* self = static_cast<Parser*>(user_data);
  if (errors::occurred()) return;
  if (!self->buffer) {
    call_character_handler(self, data, len);
    return;
  }
  if (self->buffer_used + len > self->buffer_size) {
    if (flush_character_buffer(self) < 0) return;
    // The handler may have changed; drop the text when there is none any more.
    if (!have_handler(self, CharacterData)) return;
  }
  if (len > self->buffer_size) {
    call_character_handler(self, data, len);
    self->buffer_used = 0;
  } else {
    std::memcpy(self->buffer + self->buffer_used, data, static_cast<size_t>(len));
    self->buffer_used += len;
  }
}

// The common part of the RC_HANDLER macro: checks, flush, call; args is stolen. Returns the
// handler's result (new reference) or null.
Object* run_handler(Parser* self, int type, Object* args) {
  if (!args) {
    flag_error(self);
    return nullptr;
  }
  self->in_callback = 1;
  Object* rv = call_with_frame(type, self->handlers[type], args, self);
  self->in_callback = 0;
  decref(args);
  if (!rv) flag_error(self);
  return rv;
}

// Whether a handler of this type should run now (have_handler, no pending exception, the
// character buffer flushed).
bool may_call(Parser* self, int type) {
  if (!have_handler(self, type)) return false;
  if (errors::occurred()) return false;
  return flush_character_buffer(self) >= 0;
}

// Builds a tuple from new references (null entries make it fail, releasing the others).
Object* build_args(std::initializer_list<Object*> items) {
  bool ok = true;
  for (Object* o : items) ok = ok && o != nullptr;
  if (!ok) {
    for (Object* o : items) xdecref(o);
    return nullptr;
  }
  Object* t = tuple_new(static_cast<ssize>(items.size()));
  if (!t) {
    for (Object* o : items) decref(o);
    return nullptr;
  }
  ssize i = 0;
  for (Object* o : items) tuple_set_item(t, i++, o);
  return t;
}

void call_void(Parser* self, int type, Object* args) {
  Object* rv = run_handler(self, type, args);
  xdecref(rv);
}

int call_int(Parser* self, int type, Object* args) {
  Object* rv = run_handler(self, type, args);
  if (!rv) return 0;
  int rc = static_cast<int>(long_as_long(rv));
  decref(rv);
  return rc;
}

void XMLCALL my_StartElementHandler(void* user_data, const XML_Char* name,
                                    const XML_Char** atts) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, StartElement)) return;
  // max: the number of slots of atts to report (max / 2 attributes).
  int max = 0;
  if (self->specified_attributes) {
    max = XML_GetSpecifiedAttributeCount(self->itself);
  } else {
    while (atts[max] != nullptr) max += 2;
  }
  Ref<> container = Ref<>::steal(self->ordered_attributes ? list_new(max) : dict_new());
  if (!container) {
    flag_error(self);
    return;
  }
  for (int i = 0; i < max; i += 2) {
    Object* n = string_intern(self, atts[i]);
    if (!n) {
      flag_error(self);
      return;
    }
    Object* v = conv_string_to_unicode(atts[i + 1]);
    if (!v) {
      flag_error(self);
      decref(n);
      return;
    }
    if (self->ordered_attributes) {
      list_set_item_steal(container.get(), i, n);
      list_set_item_steal(container.get(), i + 1, v);
    } else {
      int r = dict_set_item(container.get(), n, v);
      decref(n);
      decref(v);
      if (r < 0) {
        flag_error(self);
        return;
      }
    }
  }
  Object* nameobj = string_intern(self, name);
  if (!nameobj) return;
  call_void(self, StartElement, build_args({nameobj, container.release()}));
}

void XMLCALL my_EndElementHandler(void* user_data, const XML_Char* name) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, EndElement)) return;
  call_void(self, EndElement, build_args({string_intern(self, name)}));
}

void XMLCALL my_ProcessingInstructionHandler(void* user_data, const XML_Char* target,
                                             const XML_Char* data) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, ProcessingInstruction)) return;
  call_void(self, ProcessingInstruction,
            build_args({string_intern(self, target), conv_string_to_unicode(data)}));
}

void XMLCALL my_UnparsedEntityDeclHandler(void* user_data, const XML_Char* entity_name,
                                          const XML_Char* base, const XML_Char* system_id,
                                          const XML_Char* public_id,
                                          const XML_Char* notation_name) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, UnparsedEntityDecl)) return;
  call_void(self, UnparsedEntityDecl,
            build_args({string_intern(self, entity_name), string_intern(self, base),
                        string_intern(self, system_id), string_intern(self, public_id),
                        string_intern(self, notation_name)}));
}

void XMLCALL my_EntityDeclHandler(void* user_data, const XML_Char* entity_name,
                                  int is_parameter_entity, const XML_Char* value,
                                  int value_length, const XML_Char* base,
                                  const XML_Char* system_id, const XML_Char* public_id,
                                  const XML_Char* notation_name) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, EntityDecl)) return;
  call_void(self, EntityDecl,
            build_args({string_intern(self, entity_name), long_from_long(is_parameter_entity),
                        conv_string_len_to_unicode(value, value_length),
                        string_intern(self, base), string_intern(self, system_id),
                        string_intern(self, public_id), string_intern(self, notation_name)}));
}

void XMLCALL my_XmlDeclHandler(void* user_data, const XML_Char* version,
                               const XML_Char* encoding, int standalone) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, XmlDecl)) return;
  call_void(self, XmlDecl,
            build_args({conv_string_to_unicode(version), conv_string_to_unicode(encoding),
                        long_from_long(standalone)}));
}

// conv_content_model: (type, quant, name, children) recursively.
Object* conv_content_model(XML_Content* model) {
  Ref<> children = Ref<>::steal(tuple_new(model->numchildren));
  if (!children) return nullptr;
  for (unsigned i = 0; i < model->numchildren; ++i) {
    Object* child = conv_content_model(&model->children[i]);
    if (!child) return nullptr;
    tuple_set_item(children.get(), i, child);
  }
  return build_args({long_from_long(model->type), long_from_long(model->quant),
                     conv_string_to_unicode(model->name), children.release()});
}

void XMLCALL my_ElementDeclHandler(void* user_data, const XML_Char* name, XML_Content* model) {
  auto* self = static_cast<Parser*>(user_data);
  if (have_handler(self, ElementDecl) && !errors::occurred()) {
    if (flush_character_buffer(self) >= 0) {
      Object* modelobj = conv_content_model(model);
      if (!modelobj) {
        flag_error(self);
      } else {
        Object* nameobj = string_intern(self, name);
        if (!nameobj) {
          decref(modelobj);
          flag_error(self);
        } else {
          call_void(self, ElementDecl, build_args({nameobj, modelobj}));
        }
      }
    }
  }
  XML_FreeContentModel(self->itself, model);
}

void XMLCALL my_AttlistDeclHandler(void* user_data, const XML_Char* elname,
                                   const XML_Char* attname, const XML_Char* att_type,
                                   const XML_Char* dflt, int isrequired) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, AttlistDecl)) return;
  call_void(self, AttlistDecl,
            build_args({string_intern(self, elname), string_intern(self, attname),
                        conv_string_to_unicode(att_type), conv_string_to_unicode(dflt),
                        long_from_long(isrequired)}));
}

void XMLCALL my_SkippedEntityHandler(void* user_data, const XML_Char* entity_name,
                                     int is_parameter_entity) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, SkippedEntity)) return;
  call_void(self, SkippedEntity,
            build_args({string_intern(self, entity_name), long_from_long(is_parameter_entity)}));
}

void XMLCALL my_NotationDeclHandler(void* user_data, const XML_Char* notation_name,
                                    const XML_Char* base, const XML_Char* system_id,
                                    const XML_Char* public_id) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, NotationDecl)) return;
  call_void(self, NotationDecl,
            build_args({string_intern(self, notation_name), string_intern(self, base),
                        string_intern(self, system_id), string_intern(self, public_id)}));
}

void XMLCALL my_StartNamespaceDeclHandler(void* user_data, const XML_Char* prefix,
                                          const XML_Char* uri) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, StartNamespaceDecl)) return;
  call_void(self, StartNamespaceDecl,
            build_args({string_intern(self, prefix), string_intern(self, uri)}));
}

void XMLCALL my_EndNamespaceDeclHandler(void* user_data, const XML_Char* prefix) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, EndNamespaceDecl)) return;
  call_void(self, EndNamespaceDecl, build_args({string_intern(self, prefix)}));
}

void XMLCALL my_CommentHandler(void* user_data, const XML_Char* data) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, Comment)) return;
  call_void(self, Comment, build_args({conv_string_to_unicode(data)}));
}

void XMLCALL my_StartCdataSectionHandler(void* user_data) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, StartCdataSection)) return;
  call_void(self, StartCdataSection, build_args({}));
}

void XMLCALL my_EndCdataSectionHandler(void* user_data) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, EndCdataSection)) return;
  call_void(self, EndCdataSection, build_args({}));
}

void XMLCALL my_DefaultHandler(void* user_data, const XML_Char* s, int len) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, Default)) return;
  call_void(self, Default, build_args({conv_string_len_to_unicode(s, len)}));
}

void XMLCALL my_DefaultHandlerExpandHandler(void* user_data, const XML_Char* s, int len) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, DefaultHandlerExpand)) return;
  call_void(self, DefaultHandlerExpand, build_args({conv_string_len_to_unicode(s, len)}));
}

int XMLCALL my_NotStandaloneHandler(void* user_data) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, NotStandalone)) return 0;
  return call_int(self, NotStandalone, build_args({}));
}

int XMLCALL my_ExternalEntityRefHandler(XML_Parser parser, const XML_Char* context,
                                        const XML_Char* base, const XML_Char* system_id,
                                        const XML_Char* public_id) {
  auto* self = static_cast<Parser*>(XML_GetUserData(parser));
  if (!may_call(self, ExternalEntityRef)) return 0;
  return call_int(self, ExternalEntityRef,
                  build_args({conv_string_to_unicode(context), string_intern(self, base),
                              string_intern(self, system_id), string_intern(self, public_id)}));
}

void XMLCALL my_StartDoctypeDeclHandler(void* user_data, const XML_Char* doctype_name,
                                        const XML_Char* sysid, const XML_Char* pubid,
                                        int has_internal_subset) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, StartDoctypeDecl)) return;
  call_void(self, StartDoctypeDecl,
            build_args({string_intern(self, doctype_name), string_intern(self, sysid),
                        string_intern(self, pubid), long_from_long(has_internal_subset)}));
}

void XMLCALL my_EndDoctypeDeclHandler(void* user_data) {
  auto* self = static_cast<Parser*>(user_data);
  if (!may_call(self, EndDoctypeDecl)) return;
  call_void(self, EndDoctypeDecl, build_args({}));
}

// handler_info: the attribute names, in the order of HandlerType.
const char* const kHandlerNames[kHandlerCount] = {
    "StartElementHandler",     "EndElementHandler",        "ProcessingInstructionHandler",
    "CharacterDataHandler",    "UnparsedEntityDeclHandler", "NotationDeclHandler",
    "StartNamespaceDeclHandler", "EndNamespaceDeclHandler", "CommentHandler",
    "StartCdataSectionHandler", "EndCdataSectionHandler",   "DefaultHandler",
    "DefaultHandlerExpand",    "NotStandaloneHandler",     "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler", "EndDoctypeDeclHandler",    "EntityDeclHandler",
    "XmlDeclHandler",          "ElementDeclHandler",       "AttlistDeclHandler",
    "SkippedEntityHandler"};

// handler_info[which].setter(parser, on ? handler : NULL).
void install_handler(XML_Parser p, int which, bool on) {
  switch (which) {
    case StartElement:
      XML_SetStartElementHandler(p, on ? my_StartElementHandler : nullptr);
      break;
    case EndElement:
      XML_SetEndElementHandler(p, on ? my_EndElementHandler : nullptr);
      break;
    case ProcessingInstruction:
      XML_SetProcessingInstructionHandler(p, on ? my_ProcessingInstructionHandler : nullptr);
      break;
    case CharacterData:
      XML_SetCharacterDataHandler(p, on ? my_CharacterDataHandler : nullptr);
      break;
    case UnparsedEntityDecl:
      XML_SetUnparsedEntityDeclHandler(p, on ? my_UnparsedEntityDeclHandler : nullptr);
      break;
    case NotationDecl:
      XML_SetNotationDeclHandler(p, on ? my_NotationDeclHandler : nullptr);
      break;
    case StartNamespaceDecl:
      XML_SetStartNamespaceDeclHandler(p, on ? my_StartNamespaceDeclHandler : nullptr);
      break;
    case EndNamespaceDecl:
      XML_SetEndNamespaceDeclHandler(p, on ? my_EndNamespaceDeclHandler : nullptr);
      break;
    case Comment:
      XML_SetCommentHandler(p, on ? my_CommentHandler : nullptr);
      break;
    case StartCdataSection:
      XML_SetStartCdataSectionHandler(p, on ? my_StartCdataSectionHandler : nullptr);
      break;
    case EndCdataSection:
      XML_SetEndCdataSectionHandler(p, on ? my_EndCdataSectionHandler : nullptr);
      break;
    case Default:
      XML_SetDefaultHandler(p, on ? my_DefaultHandler : nullptr);
      break;
    case DefaultHandlerExpand:
      XML_SetDefaultHandlerExpand(p, on ? my_DefaultHandlerExpandHandler : nullptr);
      break;
    case NotStandalone:
      XML_SetNotStandaloneHandler(p, on ? my_NotStandaloneHandler : nullptr);
      break;
    case ExternalEntityRef:
      XML_SetExternalEntityRefHandler(p, on ? my_ExternalEntityRefHandler : nullptr);
      break;
    case StartDoctypeDecl:
      XML_SetStartDoctypeDeclHandler(p, on ? my_StartDoctypeDeclHandler : nullptr);
      break;
    case EndDoctypeDecl:
      XML_SetEndDoctypeDeclHandler(p, on ? my_EndDoctypeDeclHandler : nullptr);
      break;
    case EntityDecl:
      XML_SetEntityDeclHandler(p, on ? my_EntityDeclHandler : nullptr);
      break;
    case XmlDecl:
      XML_SetXmlDeclHandler(p, on ? my_XmlDeclHandler : nullptr);
      break;
    case ElementDecl:
      XML_SetElementDeclHandler(p, on ? my_ElementDeclHandler : nullptr);
      break;
    case AttlistDecl:
      XML_SetAttlistDeclHandler(p, on ? my_AttlistDeclHandler : nullptr);
      break;
    case SkippedEntity:
      XML_SetSkippedEntityHandler(p, on ? my_SkippedEntityHandler : nullptr);
      break;
    default:
      break;
  }
}

// clear_handlers.
void clear_handlers(Parser* self, bool initial) {
  for (int i = 0; i < kHandlerCount; ++i) {
    if (initial) {
      self->handlers[i] = nullptr;
    } else {
      clear(self->handlers[i]);
      install_handler(self->itself, i, false);
    }
  }
}

// PyUnknownEncodingHandler: single-byte encodings through Python's codecs.
int XMLCALL unknown_encoding_handler(void*, const XML_Char* name, XML_Encoding* info) {
  if (errors::occurred()) return XML_STATUS_ERROR;
  char table[256];
  for (int i = 0; i < 256; ++i) table[i] = static_cast<char>(i);
  Ref<> raw = Ref<>::steal(bytes_from_string_and_size(table, 256));
  if (!raw) return XML_STATUS_ERROR;
  Ref<> u = Ref<>::steal(_codecs::decode_text(raw.get(), name, "replace"));
  if (!u) return XML_STATUS_ERROR;
  if (!str_check(u.get())) {
    errors::format(exc_TypeError, "decoder did not return a str object (type=%.400s)",
                   u->type->name);
    return XML_STATUS_ERROR;
  }
  if (str_length(u.get()) != 256) {
    errors::set_string(exc_ValueError, "multi-byte encodings are not supported");
    return XML_STATUS_ERROR;
  }
  for (int i = 0; i < 256; ++i) {
    UCS4 ch = str_read_char(u.get(), i);
    info->map[i] = ch != 0xFFFD ? static_cast<int>(ch) : -1;
  }
  info->data = nullptr;
  info->convert = nullptr;
  info->release = nullptr;
  return XML_STATUS_OK;
}

// ---- the parser object -------------------------------------------------------------------

// The salt of expat's hash tables (CPython's _Py_HashSecret.expat.hashsalt): random per
// process.
unsigned long hash_salt() {
  static const unsigned long salt = [] {
    std::random_device rd;
    return static_cast<unsigned long>(rd()) << 16 ^ rd();
  }();
  return salt;
}

Parser* alloc_parser() {
  auto* self = static_cast<Parser*>(xmlparse_type.alloc(&xmlparse_type, 0));
  if (!self) return nullptr;
  self->itself = nullptr;
  self->ordered_attributes = 0;
  self->specified_attributes = 0;
  self->in_callback = 0;
  self->ns_prefixes = 0;
#if XML_COMBINED_VERSION >= 20600
  self->reparse_deferral_enabled = true;
#else
  self->reparse_deferral_enabled = false;
#endif
  self->buffer = nullptr;
  self->buffer_size = kCharacterDataBufferSize;
  self->buffer_used = 0;
  self->intern = nullptr;
  self->parent = nullptr;
  clear_handlers(self, true);
  return self;
}

// newxmlparseobject.
Object* new_parser(const char* encoding, const char* namespace_separator, Object* intern) {
  Parser* self = alloc_parser();
  if (!self) return nullptr;
  self->intern = xnew_ref(intern);
  // namespace_separator is null or one character.
  self->itself = namespace_separator ? XML_ParserCreateNS(encoding, namespace_separator[0])
                                     : XML_ParserCreate(encoding);
  if (!self->itself) {
    decref(self);
    errors::set_string(exc_RuntimeError, "XML_ParserCreate failed");
    return nullptr;
  }
  XML_SetHashSalt(self->itself, hash_salt());
  XML_SetUserData(self->itself, self);
  XML_SetUnknownEncodingHandler(self->itself, unknown_encoding_handler, nullptr);
  return self;
}

int xmlparse_clear(Object* o) {
  auto* self = static_cast<Parser*>(o);
  if (self->itself) {
    clear_handlers(self, false);
  } else {
    for (Object*& h : self->handlers) clear(h);
  }
  clear(self->intern);
  return 0;
}

void xmlparse_dealloc(Object* o) {
  auto* self = static_cast<Parser*>(o);
  gc::untrack(o);
  xmlparse_clear(o);
  if (self->itself) XML_ParserFree(self->itself);
  self->itself = nullptr;
  std::free(self->buffer);
  self->buffer = nullptr;
  // The parent outlives the external entity parser made from it.
  clear(self->parent);
  o->type->free(o);
}

int xmlparse_traverse(Object* o, visitproc visit, void* arg) {
  auto* self = static_cast<Parser*>(o);
  for (Object* h : self->handlers)
    if (h)
      if (int r = visit(h, arg)) return r;
  if (self->intern)
    if (int r = visit(self->intern, arg)) return r;
  if (self->parent)
    if (int r = visit(self->parent, arg)) return r;
  return 0;
}

// get_parse_result.
Object* get_parse_result(Parser* self, int rv) {
  if (errors::occurred()) return nullptr;
  if (rv == 0) return set_error(self, XML_GetErrorCode(self->itself));
  if (flush_character_buffer(self) < 0) return nullptr;
  return long_from_long(rv);
}

// pyexpat_xmlparser_Parse_impl: Parse(data, isfinal=False, /).
// (With the defining class, the clinic parses through _PyArg_UnpackKeywords.)
Object* xmlparse_Parse(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  auto* self = static_cast<Parser*>(op);
  static const char* const kw[] = {"", "", nullptr};
  static const ArgParser parser = {"Parse", kw, 1, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int isfinal = 0;
  if (a[1]) {
    isfinal = object_is_true(a[1]);
    if (isfinal < 0) return nullptr;
  }
  Object* data = a[0];
  const char* s;
  ssize slen;
  BufferHolder view;
  if (str_check(data)) {
    s = str_as_utf8(data, &slen);
    if (!s) return nullptr;
    // Explicitly UTF-8; the return code is ignored.
    (void)XML_SetEncoding(self->itself, "utf-8");
  } else {
    if (view.get(data) < 0) return nullptr;
    s = view.data();
    slen = view.size();
  }
  constexpr int kMaxChunkSize = 1 << 20;
  int rc;
  while (slen > kMaxChunkSize) {
    rc = XML_Parse(self->itself, s, kMaxChunkSize, 0);
    if (!rc) return get_parse_result(self, rc);
    s += kMaxChunkSize;
    slen -= kMaxChunkSize;
  }
  rc = XML_Parse(self->itself, s, static_cast<int>(slen), isfinal);
  return get_parse_result(self, rc);
}

// readinst: reads at most buf_size bytes through meth into buf; the length or -1.
int readinst(char* buf, int buf_size, Object* meth) {
  Ref<> size = Ref<>::steal(long_from_long(buf_size));
  if (!size) return -1;
  Ref<> str = Ref<>::steal(object_call_one_arg(meth, size.get()));
  if (!str) return -1;
  const char* ptr;
  ssize len;
  if (bytes_check(str.get())) {
    ptr = bytes_as_string(str.get());
    len = bytes_size(str.get());
  } else if (bytearray_check(str.get())) {
    ptr = bytearray_as_string(str.get());
    len = bytearray_size(str.get());
  } else {
    errors::format(exc_TypeError, "read() did not return a bytes object (type=%.400s)",
                   str->type->name);
    return -1;
  }
  if (len > buf_size) {
    errors::format(exc_ValueError, "read() returned too much data: %i bytes requested, %zd returned",
                   buf_size, len);
    return -1;
  }
  std::memcpy(buf, ptr, static_cast<size_t>(len));
  return static_cast<int>(len);
}

// pyexpat_xmlparser_ParseFile_impl.
Object* xmlparse_ParseFile(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  auto* self = static_cast<Parser*>(op);
  static const char* const kw[] = {"", nullptr};
  static const ArgParser parser = {"ParseFile", kw, 1, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  Object* file = a[0];
  Ref<> name = Ref<>::steal(str_from_cstr("read"));
  if (!name) return nullptr;
  Object* readmethod = nullptr;
  int n = object_get_optional_attr(file, name.get(), &readmethod);
  if (n < 0) return nullptr;
  if (n == 0) {
    errors::set_string(exc_TypeError, "argument must have 'read' attribute");
    return nullptr;
  }
  Ref<> read = Ref<>::steal(readmethod);
  int rv = 1;
  for (;;) {
    void* buf = XML_GetBuffer(self->itself, kReadBufSize);
    if (!buf) return get_parse_result(self, 0);
    int bytes_read = readinst(static_cast<char*>(buf), kReadBufSize, read.get());
    if (bytes_read < 0) return nullptr;
    rv = XML_ParseBuffer(self->itself, bytes_read, bytes_read == 0);
    if (errors::occurred()) return nullptr;
    if (!rv || bytes_read == 0) break;
  }
  return get_parse_result(self, rv);
}

// pyexpat_xmlparser_SetBase_impl.
Object* xmlparse_SetBase(Object* op, Object* arg) {
  auto* self = static_cast<Parser*>(op);
  if (!str_check(arg)) {
    bad_argument("SetBase", "", "str", arg);
    return nullptr;
  }
  ssize n;
  const char* base = str_as_utf8(arg, &n);
  if (!base) return nullptr;
  if (static_cast<size_t>(n) != std::strlen(base)) {
    errors::set_string(exc_ValueError, "embedded null character");
    return nullptr;
  }
  if (!XML_SetBase(self->itself, base)) return errors::no_memory();
  return return_none();
}

// pyexpat_xmlparser_GetBase_impl.
Object* xmlparse_GetBase(Object* op, Object*) {
  return conv_string_to_unicode(XML_GetBase(static_cast<Parser*>(op)->itself));
}

// pyexpat_xmlparser_GetInputContext_impl: the bytes around the current event, inside a
// handler only.
Object* xmlparse_GetInputContext(Object* op, Object*) {
  auto* self = static_cast<Parser*>(op);
  if (self->in_callback) {
    int offset, size;
    const char* buffer = XML_GetInputContext(self->itself, &offset, &size);
    if (buffer) return bytes_from_string_and_size(buffer + offset, size - offset);
  }
  return return_none();
}

// A str(accept={str, NoneType}) argument: false with the clinic's error.
bool str_or_none(const char* fname, const char* argname, Object* arg, const char** out) {
  if (!arg || arg == none()) {
    *out = nullptr;
    return true;
  }
  if (!str_check(arg)) {
    bad_argument(fname, argname, "str or None", arg);
    return false;
  }
  ssize n;
  const char* s = str_as_utf8(arg, &n);
  if (!s) return false;
  if (static_cast<size_t>(n) != std::strlen(s)) {
    errors::set_string(exc_ValueError, "embedded null character");
    return false;
  }
  *out = s;
  return true;
}

// pyexpat_xmlparser_ExternalEntityParserCreate_impl: (context, encoding=<unset>, /).
Object* xmlparse_ExternalEntityParserCreate(Object* op, Object* const* args, ssize nargs,
                                            Object* kwnames) {
  auto* self = static_cast<Parser*>(op);
  static const char* const kw[] = {"", "", nullptr};
  static const ArgParser parser = {"ExternalEntityParserCreate", kw, 1, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  const char* context;
  if (!str_or_none("ExternalEntityParserCreate", "1", a[0], &context)) return nullptr;
  const char* encoding = nullptr;
  if (a[1]) {
    if (!str_check(a[1])) {
      bad_argument("ExternalEntityParserCreate", "2", "str", a[1]);
      return nullptr;
    }
    if (!str_or_none("ExternalEntityParserCreate", "2", a[1], &encoding)) return nullptr;
  }
  Parser* np = alloc_parser();
  if (!np) return nullptr;
  Ref<> holder = Ref<>::steal(np);
  np->buffer_size = self->buffer_size;
  np->ordered_attributes = self->ordered_attributes;
  np->specified_attributes = self->specified_attributes;
  np->ns_prefixes = self->ns_prefixes;
  np->reparse_deferral_enabled = self->reparse_deferral_enabled;
  np->itself = XML_ExternalEntityParserCreate(self->itself, context, encoding);
  np->intern = xnew_ref(self->intern);
  np->parent = new_ref(self);
  if (self->buffer) {
    np->buffer = static_cast<char*>(std::malloc(static_cast<size_t>(np->buffer_size)));
    if (!np->buffer) return errors::no_memory();
  }
  if (!np->itself) return errors::no_memory();
  XML_SetUserData(np->itself, np);
  for (int i = 0; i < kHandlerCount; ++i) {
    if (Object* h = self->handlers[i]) {
      np->handlers[i] = new_ref(h);
      install_handler(np->itself, i, true);
    }
  }
  return holder.release();
}

// pyexpat_xmlparser_SetParamEntityParsing_impl.
Object* xmlparse_SetParamEntityParsing(Object* op, Object* arg) {
  auto* self = static_cast<Parser*>(op);
  int flag = long_as_int(arg);
  if (flag == -1 && errors::occurred()) return nullptr;
  flag = XML_SetParamEntityParsing(self->itself, static_cast<XML_ParamEntityParsing>(flag));
  return long_from_long(flag);
}

// pyexpat_xmlparser_UseForeignDTD_impl: UseForeignDTD(flag=True, /).
Object* xmlparse_UseForeignDTD(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  auto* self = static_cast<Parser*>(op);
  static const char* const kw[] = {"", nullptr};
  static const ArgParser parser = {"UseForeignDTD", kw, 0, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int flag = 1;
  if (a[0]) {
    flag = object_is_true(a[0]);
    if (flag < 0) return nullptr;
  }
  XML_Error rc = XML_UseForeignDTD(self->itself, flag ? XML_TRUE : XML_FALSE);
  if (rc != XML_ERROR_NONE) return set_error(self, rc);
  return return_none();
}

// pyexpat_xmlparser_SetReparseDeferralEnabled_impl: a no-op before Expat 2.6.0.
Object* xmlparse_SetReparseDeferralEnabled(Object* op, Object* arg) {
  int enabled = object_is_true(arg);
  if (enabled < 0) return nullptr;
#if XML_COMBINED_VERSION >= 20600
  auto* self = static_cast<Parser*>(op);
  XML_SetReparseDeferralEnabled(self->itself, enabled ? XML_TRUE : XML_FALSE);
  self->reparse_deferral_enabled = enabled != 0;
#else
  (void)op;
#endif
  return return_none();
}

// pyexpat_xmlparser_GetReparseDeferralEnabled_impl.
Object* xmlparse_GetReparseDeferralEnabled(Object* op, Object*) {
  return bool_from_bool(static_cast<Parser*>(op)->reparse_deferral_enabled);
}

// ---- attributes ---------------------------------------------------------------------------

Object* handler_get(Object* o, void* closure) {
  auto* self = static_cast<Parser*>(o);
  Object* h = self->handlers[reinterpret_cast<intptr_t>(closure)];
  return new_ref(h ? h : none());
}

int cannot_delete() {
  errors::set_string(exc_RuntimeError, "Cannot delete attribute");
  return -1;
}

// xmlparse_handler_setter.
int handler_set(Object* o, Object* v, void* closure) {
  auto* self = static_cast<Parser*>(o);
  int which = static_cast<int>(reinterpret_cast<intptr_t>(closure));
  if (!v) return cannot_delete();
  if (which == CharacterData) {
    // Flush the text gathered so far to the old handler.
    if (flush_character_buffer(self) < 0) return -1;
  }
  bool on = true;
  bool noop = false;
  if (v == none()) {
    // The character data handler cannot be removed from inside itself: a no-op replaces it.
    if (which == CharacterData && self->in_callback) noop = true;
    on = false;
    v = nullptr;
  } else {
    incref(v);
  }
  xsetref(self->handlers[which], v);
  if (noop) {
    XML_SetCharacterDataHandler(self->itself, noop_character_data_handler);
  } else {
    install_handler(self->itself, which, on);
  }
  return 0;
}

#define XMLPARSE_GETTER(NAME, EXPR)                  \
  Object* get_##NAME(Object* o, void*) {             \
    XML_Parser p = static_cast<Parser*>(o)->itself;  \
    return long_from_long(static_cast<long>(EXPR));  \
  }
XMLPARSE_GETTER(ErrorCode, XML_GetErrorCode(p))
XMLPARSE_GETTER(ErrorLineNumber, XML_GetErrorLineNumber(p))
XMLPARSE_GETTER(ErrorColumnNumber, XML_GetErrorColumnNumber(p))
XMLPARSE_GETTER(ErrorByteIndex, XML_GetErrorByteIndex(p))
XMLPARSE_GETTER(CurrentLineNumber, XML_GetCurrentLineNumber(p))
XMLPARSE_GETTER(CurrentColumnNumber, XML_GetCurrentColumnNumber(p))
XMLPARSE_GETTER(CurrentByteIndex, XML_GetCurrentByteIndex(p))
#undef XMLPARSE_GETTER

Object* get_buffer_text(Object* o, void*) {
  return bool_from_bool(static_cast<Parser*>(o)->buffer != nullptr);
}

int set_buffer_text(Object* o, Object* v, void*) {
  auto* self = static_cast<Parser*>(o);
  if (!v) return cannot_delete();
  int b = object_is_true(v);
  if (b < 0) return -1;
  if (b) {
    if (!self->buffer) {
      self->buffer = static_cast<char*>(std::malloc(static_cast<size_t>(self->buffer_size)));
      if (!self->buffer) {
        errors::no_memory();
        return -1;
      }
      self->buffer_used = 0;
    }
  } else if (self->buffer) {
    if (flush_character_buffer(self) < 0) return -1;
    std::free(self->buffer);
    self->buffer = nullptr;
  }
  return 0;
}

Object* get_buffer_size(Object* o, void*) {
  return long_from_long(static_cast<Parser*>(o)->buffer_size);
}

int set_buffer_size(Object* o, Object* v, void*) {
  auto* self = static_cast<Parser*>(o);
  if (!v) return cannot_delete();
  if (!long_check(v)) {
    errors::set_string(exc_TypeError, "buffer_size must be an integer");
    return -1;
  }
  long new_size = long_as_long(v);
  if (new_size <= 0) {
    if (!errors::occurred())
      errors::set_string(exc_ValueError, "buffer_size must be greater than zero");
    return -1;
  }
  if (new_size == self->buffer_size) return 0;
  if (new_size > INT_MAX) {
    errors::format(exc_ValueError, "buffer_size must not be greater than %i", INT_MAX);
    return -1;
  }
  if (self->buffer) {
    if (self->buffer_used != 0 && flush_character_buffer(self) < 0) return -1;
    std::free(self->buffer);
  }
  self->buffer = static_cast<char*>(std::malloc(static_cast<size_t>(new_size)));
  if (!self->buffer) {
    errors::no_memory();
    return -1;
  }
  self->buffer_size = static_cast<int>(new_size);
  return 0;
}

Object* get_buffer_used(Object* o, void*) {
  return long_from_long(static_cast<Parser*>(o)->buffer_used);
}

Object* get_namespace_prefixes(Object* o, void*) {
  return bool_from_bool(static_cast<Parser*>(o)->ns_prefixes != 0);
}

int set_namespace_prefixes(Object* o, Object* v, void*) {
  auto* self = static_cast<Parser*>(o);
  if (!v) return cannot_delete();
  int b = object_is_true(v);
  if (b < 0) return -1;
  self->ns_prefixes = b;
  XML_SetReturnNSTriplet(self->itself, self->ns_prefixes);
  return 0;
}

Object* get_ordered_attributes(Object* o, void*) {
  return bool_from_bool(static_cast<Parser*>(o)->ordered_attributes != 0);
}

int set_ordered_attributes(Object* o, Object* v, void*) {
  if (!v) return cannot_delete();
  int b = object_is_true(v);
  if (b < 0) return -1;
  static_cast<Parser*>(o)->ordered_attributes = b;
  return 0;
}

Object* get_specified_attributes(Object* o, void*) {
  return bool_from_bool(static_cast<Parser*>(o)->specified_attributes != 0);
}

int set_specified_attributes(Object* o, Object* v, void*) {
  if (!v) return cannot_delete();
  int b = object_is_true(v);
  if (b < 0) return -1;
  static_cast<Parser*>(o)->specified_attributes = b;
  return 0;
}

#define HANDLER_GETSET(i) \
  {kHandlerNames[i], handler_get, handler_set, nullptr, reinterpret_cast<void*>(intptr_t{i})}

GetSetDef xmlparse_getset[] = {
    {"ErrorCode", get_ErrorCode, nullptr, nullptr, nullptr},
    {"ErrorLineNumber", get_ErrorLineNumber, nullptr, nullptr, nullptr},
    {"ErrorColumnNumber", get_ErrorColumnNumber, nullptr, nullptr, nullptr},
    {"ErrorByteIndex", get_ErrorByteIndex, nullptr, nullptr, nullptr},
    {"CurrentLineNumber", get_CurrentLineNumber, nullptr, nullptr, nullptr},
    {"CurrentColumnNumber", get_CurrentColumnNumber, nullptr, nullptr, nullptr},
    {"CurrentByteIndex", get_CurrentByteIndex, nullptr, nullptr, nullptr},
    {"buffer_size", get_buffer_size, set_buffer_size, nullptr, nullptr},
    {"buffer_text", get_buffer_text, set_buffer_text, nullptr, nullptr},
    {"buffer_used", get_buffer_used, nullptr, nullptr, nullptr},
    {"namespace_prefixes", get_namespace_prefixes, set_namespace_prefixes, nullptr, nullptr},
    {"ordered_attributes", get_ordered_attributes, set_ordered_attributes, nullptr, nullptr},
    {"specified_attributes", get_specified_attributes, set_specified_attributes, nullptr,
     nullptr},
    HANDLER_GETSET(0),  HANDLER_GETSET(1),  HANDLER_GETSET(2),  HANDLER_GETSET(3),
    HANDLER_GETSET(4),  HANDLER_GETSET(5),  HANDLER_GETSET(6),  HANDLER_GETSET(7),
    HANDLER_GETSET(8),  HANDLER_GETSET(9),  HANDLER_GETSET(10), HANDLER_GETSET(11),
    HANDLER_GETSET(12), HANDLER_GETSET(13), HANDLER_GETSET(14), HANDLER_GETSET(15),
    HANDLER_GETSET(16), HANDLER_GETSET(17), HANDLER_GETSET(18), HANDLER_GETSET(19),
    HANDLER_GETSET(20), HANDLER_GETSET(21),
    {nullptr, nullptr, nullptr, nullptr, nullptr}};
#undef HANDLER_GETSET
static_assert(kHandlerCount == 22);

MemberDef xmlparse_members[] = {
    {"intern", kMemberObject, offsetof(Parser, intern), kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

MethodDef xmlparse_methods[] = {
    {"Parse", reinterpret_cast<void*>(xmlparse_Parse), kMethFastcall | kMethKeywords,
     "Parse($self, data, isfinal=False, /)\n--\n\nParse XML data.\n\n"
     "\'isfinal\' should be true at end of input."},
    {"ParseFile", reinterpret_cast<void*>(xmlparse_ParseFile), kMethFastcall | kMethKeywords,
     "ParseFile($self, file, /)\n--\n\nParse XML data from file-like object."},
    {"SetBase", reinterpret_cast<void*>(xmlparse_SetBase), kMethO,
     "SetBase($self, base, /)\n--\n\nSet the base URL for the parser."},
    {"GetBase", reinterpret_cast<void*>(xmlparse_GetBase), kMethNoArgs,
     "GetBase($self, /)\n--\n\nReturn base URL string for the parser."},
    {"GetInputContext", reinterpret_cast<void*>(xmlparse_GetInputContext), kMethNoArgs,
     "GetInputContext($self, /)\n--\n\nReturn the untranslated text of the input that caused "
     "the current event.\n\nIf the event was generated by a large amount of text (such as a "
     "start tag\nfor an element with many attributes), not all of the text may be available."},
    {"ExternalEntityParserCreate", reinterpret_cast<void*>(xmlparse_ExternalEntityParserCreate),
     kMethFastcall | kMethKeywords,
     "ExternalEntityParserCreate($self, context, encoding=<unrepresentable>,\n"
     "                           /)\n--\n\nCreate a parser for parsing an external entity "
     "based on the information passed to the ExternalEntityRefHandler."},
    {"SetParamEntityParsing", reinterpret_cast<void*>(xmlparse_SetParamEntityParsing), kMethO,
     "SetParamEntityParsing($self, flag, /)\n--\n\nControls parsing of parameter entities "
     "(including the external DTD subset).\n\nPossible flag values are\n"
     "XML_PARAM_ENTITY_PARSING_NEVER, XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE\nand "
     "XML_PARAM_ENTITY_PARSING_ALWAYS. Returns true if setting the flag\nwas successful."},
    {"UseForeignDTD", reinterpret_cast<void*>(xmlparse_UseForeignDTD), kMethFastcall | kMethKeywords,
     "UseForeignDTD($self, flag=True, /)\n--\n\nAllows the application to provide an "
     "artificial external subset if one is not specified as part of the document "
     "instance.\n\nThis readily allows the use of a \'default\' document type controlled by "
     "the\napplication, while still getting the advantage of providing document type\n"
     "information to the parser. \'flag\' defaults to True if not provided."},
    {"SetReparseDeferralEnabled", reinterpret_cast<void*>(xmlparse_SetReparseDeferralEnabled),
     kMethO,
     "SetReparseDeferralEnabled($self, enabled, /)\n--\n\nEnable/Disable reparse deferral; "
     "enabled by default with Expat >=2.6.0."},
    {"GetReparseDeferralEnabled", reinterpret_cast<void*>(xmlparse_GetReparseDeferralEnabled),
     kMethNoArgs,
     "GetReparseDeferralEnabled($self, /)\n--\n\nRetrieve reparse deferral enabled status; "
     "always returns false with Expat <2.6.0."},
    {nullptr, nullptr, 0, nullptr}};

// ---- module functions ---------------------------------------------------------------------

// pyexpat_ParserCreate_impl: ParserCreate(encoding=None, namespace_separator=None,
// intern=<unset>).
Object* pyexpat_ParserCreate(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"encoding", "namespace_separator", "intern", nullptr};
  static const ArgParser parser = {"ParserCreate", kw, 0, 3, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  const char* encoding;
  const char* namespace_separator;
  if (!str_or_none("ParserCreate", "'encoding'", a[0], &encoding)) return nullptr;
  if (!str_or_none("ParserCreate", "'namespace_separator'", a[1], &namespace_separator))
    return nullptr;
  if (namespace_separator && std::strlen(namespace_separator) > 1) {
    errors::set_string(exc_ValueError,
                       "namespace_separator must be at most one character, omitted, or None");
    return nullptr;
  }
  // None means no interning; no argument means a new dictionary.
  Object* intern = a[2];
  Ref<> owned;
  if (intern == none()) {
    intern = nullptr;
  } else if (!intern) {
    owned = Ref<>::steal(dict_new());
    if (!owned) return nullptr;
    intern = owned.get();
  } else if (!dict_check(intern)) {
    errors::set_string(exc_TypeError, "intern must be a dictionary");
    return nullptr;
  }
  return new_parser(encoding, namespace_separator, intern);
}

// pyexpat_ErrorString_impl.
Object* pyexpat_ErrorString(Object*, Object* arg) {
  long code = long_as_long(arg);
  if (code == -1 && errors::occurred()) return nullptr;
  return conv_string_to_unicode(XML_ErrorString(static_cast<XML_Error>(code)));
}

MethodDef pyexpat_methods[] = {
    {"ParserCreate", reinterpret_cast<void*>(pyexpat_ParserCreate),
     kMethFastcall | kMethKeywords,
     "ParserCreate($module, /, encoding=None, namespace_separator=None,\n"
     "             intern=<unrepresentable>)\n--\n\nReturn a new XML parser object."},
    {"ErrorString", reinterpret_cast<void*>(pyexpat_ErrorString), kMethO,
     "ErrorString($module, code, /)\n--\n\nReturns string error for given number."},
    {nullptr, nullptr, 0, nullptr}};

// ---- the errors and model submodules ------------------------------------------------------

// error_info_of: the names of the error codes, with CPython's copy of the messages used when
// the runtime libexpat is older than the code (XML_ErrorString returns NULL).
struct ErrorInfo {
  const char* name;
  const char* description;
};
const ErrorInfo kErrorInfo[] = {
    {nullptr, nullptr},
    {"XML_ERROR_NO_MEMORY", "out of memory"},
    {"XML_ERROR_SYNTAX", "syntax error"},
    {"XML_ERROR_NO_ELEMENTS", "no element found"},
    {"XML_ERROR_INVALID_TOKEN", "not well-formed (invalid token)"},
    {"XML_ERROR_UNCLOSED_TOKEN", "unclosed token"},
    {"XML_ERROR_PARTIAL_CHAR", "partial character"},
    {"XML_ERROR_TAG_MISMATCH", "mismatched tag"},
    {"XML_ERROR_DUPLICATE_ATTRIBUTE", "duplicate attribute"},
    {"XML_ERROR_JUNK_AFTER_DOC_ELEMENT", "junk after document element"},
    {"XML_ERROR_PARAM_ENTITY_REF", "illegal parameter entity reference"},
    {"XML_ERROR_UNDEFINED_ENTITY", "undefined entity"},
    {"XML_ERROR_RECURSIVE_ENTITY_REF", "recursive entity reference"},
    {"XML_ERROR_ASYNC_ENTITY", "asynchronous entity"},
    {"XML_ERROR_BAD_CHAR_REF", "reference to invalid character number"},
    {"XML_ERROR_BINARY_ENTITY_REF", "reference to binary entity"},
    {"XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF", "reference to external entity in attribute"},
    {"XML_ERROR_MISPLACED_XML_PI", "XML or text declaration not at start of entity"},
    {"XML_ERROR_UNKNOWN_ENCODING", "unknown encoding"},
    {"XML_ERROR_INCORRECT_ENCODING", "encoding specified in XML declaration is incorrect"},
    {"XML_ERROR_UNCLOSED_CDATA_SECTION", "unclosed CDATA section"},
    {"XML_ERROR_EXTERNAL_ENTITY_HANDLING", "error in processing external entity reference"},
    {"XML_ERROR_NOT_STANDALONE", "document is not standalone"},
    {"XML_ERROR_UNEXPECTED_STATE", "unexpected parser state - please send a bug report"},
    {"XML_ERROR_ENTITY_DECLARED_IN_PE", "entity declared in parameter entity"},
    {"XML_ERROR_FEATURE_REQUIRES_XML_DTD", "requested feature requires XML_DTD support in Expat"},
    {"XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING", "cannot change setting once parsing has begun"},
    {"XML_ERROR_UNBOUND_PREFIX", "unbound prefix"},
    {"XML_ERROR_UNDECLARING_PREFIX", "must not undeclare prefix"},
    {"XML_ERROR_INCOMPLETE_PE", "incomplete markup in parameter entity"},
    {"XML_ERROR_XML_DECL", "XML declaration not well-formed"},
    {"XML_ERROR_TEXT_DECL", "text declaration not well-formed"},
    {"XML_ERROR_PUBLICID", "illegal character(s) in public id"},
    {"XML_ERROR_SUSPENDED", "parser suspended"},
    {"XML_ERROR_NOT_SUSPENDED", "parser not suspended"},
    {"XML_ERROR_ABORTED", "parsing aborted"},
    {"XML_ERROR_FINISHED", "parsing finished"},
    {"XML_ERROR_SUSPEND_PE", "cannot suspend in external parameter entity"},
    {"XML_ERROR_RESERVED_PREFIX_XML",
     "reserved prefix (xml) must not be undeclared or bound to another namespace name"},
    {"XML_ERROR_RESERVED_PREFIX_XMLNS", "reserved prefix (xmlns) must not be declared or undeclared"},
    {"XML_ERROR_RESERVED_NAMESPACE_URI",
     "prefix must not be bound to one of the reserved namespace names"},
    {"XML_ERROR_INVALID_ARGUMENT", "invalid argument"},
    {"XML_ERROR_NO_BUFFER", "a successful prior call to function XML_GetBuffer is required"},
    {"XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
     "limit on input amplification factor (from DTD and entities) breached"},
    {"XML_ERROR_NOT_STARTED", "parser not started"},
};

// add_submodule: "pyexpat.NAME" in sys.modules and as an attribute; borrowed result.
Object* add_submodule(Object* mod, const char* fullname, const char* doc) {
  const char* name = std::strrchr(fullname, '.') + 1;
  Ref<> sub = Ref<>::steal(module_new(fullname));
  if (!sub) return nullptr;
  Ref<> docobj = Ref<>::steal(str_from_cstr(doc));
  if (!docobj || object_setattr_string(sub.get(), "__doc__", docobj.get()) < 0) return nullptr;
  if (dict_set_item_string(modules_dict(), fullname, sub.get()) < 0) return nullptr;
  if (module_add_object_ref(mod, name, sub.get()) < 0) return nullptr;
  return sub.get();
}

int add_int(Object* m, const char* name, long v) {
  Ref<> o = Ref<>::steal(long_from_long(v));
  if (!o) return -1;
  return module_add_object_ref(m, name, o.get());
}

// add_errors_module.
int add_errors_module(Object* mod) {
  Object* errors_module = add_submodule(mod, "pyexpat.errors",
                                        "Constants used to describe error conditions.");
  if (!errors_module) return -1;
  Ref<> codes = Ref<>::steal(dict_new());
  Ref<> rev_codes = Ref<>::steal(dict_new());
  if (!codes || !rev_codes) return -1;
  for (size_t i = 1; i < std::size(kErrorInfo); ++i) {
    const char* s = XML_ErrorString(static_cast<XML_Error>(i));
    if (!s) s = kErrorInfo[i].description;
    Ref<> str = Ref<>::steal(str_from_cstr(s));
    Ref<> num = Ref<>::steal(long_from_long(static_cast<long>(i)));
    if (!str || !num) return -1;
    if (module_add_object_ref(errors_module, kErrorInfo[i].name, str.get()) < 0) return -1;
    if (dict_set_item(codes.get(), str.get(), num.get()) < 0) return -1;
    if (dict_set_item(rev_codes.get(), num.get(), str.get()) < 0) return -1;
  }
  if (module_add_object_ref(errors_module, "codes", codes.get()) < 0) return -1;
  if (module_add_object_ref(errors_module, "messages", rev_codes.get()) < 0) return -1;
  return 0;
}

// add_model_module.
int add_model_module(Object* mod) {
  Object* model = add_submodule(mod, "pyexpat.model",
                                "Constants used to interpret content model information.");
  if (!model) return -1;
  const std::pair<const char*, long> consts[] = {
      {"XML_CTYPE_EMPTY", XML_CTYPE_EMPTY}, {"XML_CTYPE_ANY", XML_CTYPE_ANY},
      {"XML_CTYPE_MIXED", XML_CTYPE_MIXED}, {"XML_CTYPE_NAME", XML_CTYPE_NAME},
      {"XML_CTYPE_CHOICE", XML_CTYPE_CHOICE}, {"XML_CTYPE_SEQ", XML_CTYPE_SEQ},
      {"XML_CQUANT_NONE", XML_CQUANT_NONE}, {"XML_CQUANT_OPT", XML_CQUANT_OPT},
      {"XML_CQUANT_REP", XML_CQUANT_REP}, {"XML_CQUANT_PLUS", XML_CQUANT_PLUS}};
  for (const auto& [name, v] : consts)
    if (add_int(model, name, v) < 0) return -1;
  return 0;
}

// add_features: [(name, value), ...] from XML_GetFeatureList.
int add_features(Object* mod) {
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return -1;
  for (const XML_Feature* f = XML_GetFeatureList(); f->feature != XML_FEATURE_END; ++f) {
    Object* item = build_args({str_from_cstr(f->name), long_from_long(f->value)});
    if (!item) return -1;
    int r = list_append(list.get(), item);
    decref(item);
    if (r < 0) return -1;
  }
  return module_add_object_ref(mod, "features", list.get());
}

int ready_type() {
  if (xmlparse_type.name) return 0;
  TypeObject t = static_type("pyexpat.xmlparser", sizeof(Parser), 0,
                             kTpflagsHaveGc | kTpflagsDisallowInstantiation |
                                 kTpflagsImmutabletype);
  t.doc = "XML parser";
  t.dealloc = xmlparse_dealloc;
  t.traverse = xmlparse_traverse;
  t.clear = xmlparse_clear;
  t.methods = xmlparse_methods;
  t.members = xmlparse_members;
  t.getset = xmlparse_getset;
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  xmlparse_type = t;
  return type_ready(&xmlparse_type);
}

// pyexpat_exec.
int pyexpat_exec(Object* mod) {
  if (ready_type() < 0) return -1;
  if (!expat_error) {
    expat_error = new_exception("xml.parsers.expat.ExpatError", nullptr, nullptr);
    if (!expat_error) return -1;
  }
  if (module_add_object_ref(mod, "error", expat_error) < 0 ||
      module_add_object_ref(mod, "ExpatError", expat_error) < 0 ||
      module_add_object_ref(mod, "XMLParserType", &xmlparse_type) < 0) {
    return -1;
  }
  Ref<> version = Ref<>::steal(str_from_cstr(XML_ExpatVersion()));
  if (!version || module_add_object_ref(mod, "EXPAT_VERSION", version.get()) < 0) return -1;
  XML_Expat_Version info = XML_ExpatVersionInfo();
  Object* vi = build_args({long_from_long(info.major), long_from_long(info.minor),
                           long_from_long(info.micro)});
  if (!vi) return -1;
  int r = module_add_object_ref(mod, "version_info", vi);
  decref(vi);
  if (r < 0) return -1;
  // XML_Char is char: the parser hands out UTF-8.
  Ref<> enc = Ref<>::steal(str_from_cstr("UTF-8"));
  if (!enc || module_add_object_ref(mod, "native_encoding", enc.get()) < 0) return -1;
  if (add_errors_module(mod) < 0 || add_model_module(mod) < 0) return -1;
  if (add_int(mod, "XML_PARAM_ENTITY_PARSING_NEVER", XML_PARAM_ENTITY_PARSING_NEVER) < 0 ||
      add_int(mod, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE",
              XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE) < 0 ||
      add_int(mod, "XML_PARAM_ENTITY_PARSING_ALWAYS", XML_PARAM_ENTITY_PARSING_ALWAYS) < 0) {
    return -1;
  }
  if (add_features(mod) < 0) return -1;
  return 0;
}

ModuleDef pyexpat_def = {"pyexpat", "Python wrapper for Expat parser.", pyexpat_methods,
                         pyexpat_exec};

}  // namespace

ModuleDef* module_def() { return &pyexpat_def; }

}  // namespace cppy::modules::pyexpat
