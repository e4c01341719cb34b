// Test support: the token level of the S-expression reader (see ast_sexp.h).
#include "ast_sexp.h"

#include <cctype>
#include <cstdlib>

#include "ast/core_api.h"
#include "objects/boolobject.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/unicodeobject.h"

namespace cppy::ast_sexp {

void Reader::fail(const std::string& message) {
  if (error_.empty()) error_ = message + " at offset " + std::to_string(pos_);
}

void Reader::skip_space() {
  while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) pos_++;
}

bool Reader::take_none() {
  skip_space();
  if (text_.substr(pos_, 4) == "None" &&
      (pos_ + 4 == text_.size() || !std::isalnum(static_cast<unsigned char>(text_[pos_ + 4])))) {
    pos_ += 4;
    return true;
  }
  return false;
}

bool Reader::open_node(std::string* cls) {
  skip_space();
  if (pos_ >= text_.size() || text_[pos_] != '(') {
    fail("expected (");
    return false;
  }
  pos_++;
  *cls = word();
  return ok();
}

bool Reader::close_node() {
  skip_space();
  if (pos_ >= text_.size() || text_[pos_] != ')') {
    fail("expected )");
    return false;
  }
  pos_++;
  return true;
}

bool Reader::open_list() {
  skip_space();
  if (pos_ >= text_.size() || text_[pos_] != '[') {
    fail("expected [");
    return false;
  }
  pos_++;
  return true;
}

bool Reader::close_list() {
  skip_space();
  if (pos_ < text_.size() && text_[pos_] == ']') {
    pos_++;
    return true;
  }
  if (pos_ >= text_.size()) fail("unterminated list");
  return false;
}

std::string Reader::word() {
  skip_space();
  size_t start = pos_;
  while (pos_ < text_.size() &&
         (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_'))
    pos_++;
  if (start == pos_) fail("expected a word");
  return std::string(text_.substr(start, pos_ - start));
}

int Reader::integer() {
  if (take_none()) return 0;
  skip_space();
  size_t start = pos_;
  if (pos_ < text_.size() && text_[pos_] == '-') pos_++;
  while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) pos_++;
  if (start == pos_) {
    fail("expected an integer");
    return 0;
  }
  return std::atoi(std::string(text_.substr(start, pos_ - start)).c_str());
}

// A JSON string literal (the escapes json.dumps writes with ensure_ascii=False).
bool Reader::string_literal(std::string* out) {
  skip_space();
  if (pos_ >= text_.size() || text_[pos_] != '"') {
    fail("expected a string");
    return false;
  }
  pos_++;
  while (pos_ < text_.size() && text_[pos_] != '"') {
    char c = text_[pos_++];
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    if (pos_ >= text_.size()) break;
    char e = text_[pos_++];
    switch (e) {
      case 'n': out->push_back('\n'); break;
      case 't': out->push_back('\t'); break;
      case 'r': out->push_back('\r'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'u': {
        unsigned cp = static_cast<unsigned>(
            std::strtoul(std::string(text_.substr(pos_, 4)).c_str(), nullptr, 16));
        pos_ += 4;
        // Control characters only (ensure_ascii=False): one UTF-8 byte.
        if (cp < 0x80) {
          out->push_back(static_cast<char>(cp));
        } else {
          out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
          out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
        break;
      }
      default: out->push_back(e); break;
    }
  }
  if (pos_ >= text_.size()) {
    fail("unterminated string");
    return false;
  }
  pos_++;
  return true;
}

ast::Object* Reader::own(ast::Object* o) {
  if (!o) {
    fail("object creation failed");
    return nullptr;
  }
  if (arena_->add_object(o) < 0) {
    objects::decref(o);
    fail("arena full");
    return nullptr;
  }
  return o;
}

ast::identifier Reader::identifier() {
  if (take_none()) return nullptr;
  std::string s;
  if (!string_literal(&s)) return nullptr;
  ast::Object* o = objects::str_from_utf8(s.data(), static_cast<objects::ssize>(s.size()));
  if (o) objects::str_intern_in_place(&o);
  return own(o);
}

ast::constant Reader::constant() {
  skip_space();
  if (pos_ >= text_.size() || text_[pos_] != '#') {
    fail("expected a constant");
    return nullptr;
  }
  pos_++;
  std::string kind = word();
  if (kind == "True") return own(objects::bool_from_long(1));
  if (kind == "False") return own(objects::bool_from_long(0));
  if (kind == "None") return ast::py_none();
  if (kind == "Ellipsis") return ast::py_ellipsis();
  if (pos_ >= text_.size() || text_[pos_] != ':') {
    fail("bad constant");
    return nullptr;
  }
  pos_++;
  if (kind == "int") {
    skip_space();
    size_t start = pos_;
    if (pos_ < text_.size() && text_[pos_] == '-') pos_++;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) pos_++;
    std::string digits(text_.substr(start, pos_ - start));
    if (digits.size() < 18) {
      return own(objects::long_from_long(std::strtol(digits.c_str(), nullptr, 10)));
    }
    unsupported_ = true;  // big ints: not needed by these tests
    return ast::py_none();
  }
  if (kind == "float") {
    skip_space();
    size_t start = pos_;
    while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_])) &&
           text_[pos_] != ')' && text_[pos_] != ']')
      pos_++;
    std::string repr(text_.substr(start, pos_ - start));
    return own(objects::float_from_double(std::strtod(repr.c_str(), nullptr)));
  }
  if (kind == "str") {
    std::string s;
    if (!string_literal(&s)) return nullptr;
    return own(objects::str_from_utf8(s.data(), static_cast<objects::ssize>(s.size())));
  }
  // Other constants (bytes, complex, tuple...): skip the value, stand in None and mark the
  // tree as unsupported.
  unsupported_ = true;
  if (kind == "bytes") {
    std::string s;
    string_literal(&s);
  } else if (kind == "tuple" || kind == "frozenset") {
    int depth = 0;
    do {
      char c = text_[pos_++];
      if (c == '[') depth++;
      if (c == ']') depth--;
      if (c == '"') {
        pos_--;
        std::string s;
        string_literal(&s);
      }
    } while (depth > 0 && pos_ < text_.size());
  } else {
    while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_])) &&
           text_[pos_] != ')' && text_[pos_] != ']')
      pos_++;
  }
  return ast::py_none();
}

ast::asdl_identifier_seq* Reader::identifier_seq() {
  std::vector<ast::identifier> items;
  if (!open_list()) return nullptr;
  while (ok() && !close_list()) items.push_back(identifier());
  if (!ok()) return nullptr;
  auto* seq = ast::asdl_identifier_seq_new(static_cast<objects::ssize>(items.size()), arena_);
  if (!seq) return nullptr;
  for (size_t i = 0; i < items.size(); i++) seq->typed_elements[i] = items[i];
  return seq;
}

ast::asdl_int_seq* Reader::int_seq(const std::vector<int>& items) {
  if (!ok()) return nullptr;
  auto* seq = ast::asdl_int_seq_new(static_cast<objects::ssize>(items.size()), arena_);
  if (!seq) return nullptr;
  for (size_t i = 0; i < items.size(); i++) seq->typed_elements[i] = items[i];
  return seq;
}

ast::mod_ty parse_module(std::string_view text, ast::Arena* arena, std::string* error,
                         bool* unsupported) {
  Reader r(text, arena);
  ast::mod_ty mod = read_mod(r);
  if (unsupported) *unsupported = r.unsupported();
  if (!r.ok() || !mod) {
    *error = r.ok() ? "constructor failed" : r.error();
    return nullptr;
  }
  return mod;
}

}  // namespace cppy::ast_sexp
