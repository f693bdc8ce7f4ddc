// A recursive-descent parser, one function per precedence level; the
// tokenizer is folded in (peek/take on the text), since the language is
// small and its error positions must point at characters.
#include "formula/formula_parser.h"

#include <cctype>
#include <charconv>

namespace sluice::formula {
namespace {

bool isNameStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    Expr parseAll() {
        skipBlanks();
        if (pos_ == text_.size())
            throw FormulaError(0, "the expression is empty");
        Expr e = parseOr();
        skipBlanks();
        if (pos_ < text_.size())
            throw FormulaError(pos_, "expected an operator or the end, found " + found());
        return e;
    }

private:
    void skipBlanks() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])))
            ++pos_;
    }

    // What stands at the current position, for messages.
    std::string found() const {
        if (pos_ >= text_.size())
            return "the end";
        std::size_t end = pos_ + 1;
        if (isNameChar(text_[pos_]))
            while (end < text_.size() && isNameChar(text_[end]))
                ++end;
        return "'" + std::string(text_.substr(pos_, end - pos_)) + "'";
    }

    // Takes `symbol` when it comes next (a word only when a whole word).
    bool take(std::string_view symbol) {
        skipBlanks();
        if (text_.substr(pos_, symbol.size()) != symbol)
            return false;
        const bool word = isNameStart(symbol.front());
        if (word && pos_ + symbol.size() < text_.size() && isNameChar(text_[pos_ + symbol.size()]))
            return false;
        pos_ += symbol.size();
        return true;
    }

    Expr binary(std::string op, std::size_t at, Expr left, Expr right) {
        Expr e;
        e.kind = Expr::Kind::Binary;
        e.position = at;
        e.name = std::move(op);
        e.args.push_back(std::move(left));
        e.args.push_back(std::move(right));
        return e;
    }

    Expr parseOr() {
        Expr left = parseAnd();
        for (;;) {
            skipBlanks();
            const std::size_t at = pos_;
            if (!take("or") && !take("||"))
                return left;
            left = binary("or", at, std::move(left), operand(&Parser::parseAnd, "or"));
        }
    }

    Expr parseAnd() {
        Expr left = parseNot();
        for (;;) {
            skipBlanks();
            const std::size_t at = pos_;
            if (!take("and") && !take("&&"))
                return left;
            left = binary("and", at, std::move(left), operand(&Parser::parseNot, "and"));
        }
    }

    Expr parseNot() {
        skipBlanks();
        const std::size_t at = pos_;
        if (take("not") || (text_.substr(pos_, 2) != "!=" && take("!"))) {
            Expr e;
            e.kind = Expr::Kind::Unary;
            e.position = at;
            e.name = "not";
            e.args.push_back(operand(&Parser::parseNot, "not"));
            return e;
        }
        return parseComparison();
    }

    Expr parseComparison() {
        Expr left = parseSum();
        skipBlanks();
        const std::size_t at = pos_;
        for (const char* op : {"==", "!=", "<=", ">=", "<", ">"})
            if (take(op))
                return binary(op, at, std::move(left), operand(&Parser::parseSum, op));
        if (pos_ < text_.size() && text_[pos_] == '=')
            throw FormulaError(pos_, "use == to compare");
        return left;
    }

    Expr parseSum() {
        Expr left = parseProduct();
        for (;;) {
            skipBlanks();
            const std::size_t at = pos_;
            std::string op;
            if (take("+"))
                op = "+";
            else if (take("-"))
                op = "-";
            else
                return left;
            left = binary(op, at, std::move(left), operand(&Parser::parseProduct, op));
        }
    }

    Expr parseProduct() {
        Expr left = parseUnary();
        for (;;) {
            skipBlanks();
            const std::size_t at = pos_;
            std::string op;
            if (text_.substr(pos_, 2) == "**")
                return left;  // a power, taken below
            if (take("*"))
                op = "*";
            else if (take("/"))
                op = "/";
            else if (take("%"))
                op = "%";
            else
                return left;
            left = binary(op, at, std::move(left), operand(&Parser::parseUnary, op));
        }
    }

    Expr parseUnary() {
        skipBlanks();
        const std::size_t at = pos_;
        if (take("-")) {
            Expr e;
            e.kind = Expr::Kind::Unary;
            e.position = at;
            e.name = "-";
            e.args.push_back(operand(&Parser::parseUnary, "-"));
            return e;
        }
        if (take("+"))
            return operand(&Parser::parseUnary, "+");
        return parsePower();
    }

    Expr parsePower() {
        Expr base = parseAtom();
        skipBlanks();
        const std::size_t at = pos_;
        if (take("**") || take("^"))
            return binary("**", at, std::move(base), operand(&Parser::parseUnary, "**"));
        return base;
    }

    // The operand after `op`, or an error saying one was expected. Nesting
    // is limited, so that a pasted wall of brackets cannot exhaust the stack
    // (of the parser, the evaluator or the tree's destructor).
    Expr operand(Expr (Parser::*level)(), std::string_view op) {
        if (++depth_ > kMaxDepth)
            throw FormulaError(
                pos_, "the expression nests deeper than " + std::to_string(kMaxDepth) + " levels");
        struct Leave {
            int& depth;
            ~Leave() { --depth; }
        } leave{depth_};
        skipBlanks();
        if (pos_ >= text_.size() || text_[pos_] == ')' || text_[pos_] == ',')
            throw FormulaError(
                pos_, "expected a value after '" + std::string(op) + "', found " + found());
        return (this->*level)();
    }

    Expr parseAtom() {
        skipBlanks();
        Expr e;
        e.position = pos_;
        if (pos_ >= text_.size())
            throw FormulaError(pos_, "expected a value, found the end");
        const char c = text_[pos_];
        if (c == '(') {
            const std::size_t open = pos_++;
            e = operand(&Parser::parseOr, "(");
            if (!take(")"))
                throw FormulaError(pos_, "expected ')' to close the '(' at character " +
                                             std::to_string(open + 1) + ", found " + found());
            return e;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.')
            return number();
        if (c == '\'' || c == '"')
            return quoted(c);
        if (c == '`') {
            const std::size_t close = text_.find('`', pos_ + 1);
            if (close == std::string_view::npos)
                throw FormulaError(pos_, "the column name in backquotes is not closed");
            e.kind = Expr::Kind::Column;
            e.name = std::string(text_.substr(pos_ + 1, close - pos_ - 1));
            pos_ = close + 1;
            return e;
        }
        if (!isNameStart(c))
            throw FormulaError(pos_, "expected a value, found " + found());
        std::size_t end = pos_;
        while (end < text_.size() && isNameChar(text_[end]))
            ++end;
        e.name = std::string(text_.substr(pos_, end - pos_));
        pos_ = end;
        if (e.name == "true" || e.name == "false") {
            e.kind = Expr::Kind::Bool;
            e.number = e.name == "true" ? 1 : 0;
            return e;
        }
        if (e.name == "missing") {
            e.kind = Expr::Kind::Missing;
            return e;
        }
        if (e.name == "and" || e.name == "or" || e.name == "not")
            throw FormulaError(e.position, "expected a value, found '" + e.name + "'");
        skipBlanks();
        if (pos_ < text_.size() && text_[pos_] == '(') {
            ++pos_;
            e.kind = Expr::Kind::Call;
            skipBlanks();
            if (take(")"))
                return e;
            for (;;) {
                e.args.push_back(operand(&Parser::parseOr, e.name + "("));
                if (take(")"))
                    return e;
                if (!take(","))
                    throw FormulaError(pos_, "expected ',' or ')' in the call of " + e.name +
                                                 ", found " + found());
            }
        }
        e.kind = Expr::Kind::Column;
        return e;
    }

    Expr number() {
        Expr e;
        e.kind = Expr::Kind::Number;
        e.position = pos_;
        const char* first = text_.data() + pos_;
        const auto [ptr, ec] = std::from_chars(first, text_.data() + text_.size(), e.number);
        if (ec != std::errc() || ptr == first)
            throw FormulaError(pos_, "expected a number, found " + found());
        pos_ += static_cast<std::size_t>(ptr - first);
        if (pos_ < text_.size() && isNameStart(text_[pos_]))
            throw FormulaError(pos_, "expected an operator after the number, found " + found());
        return e;
    }

    Expr quoted(char quote) {
        Expr e;
        e.kind = Expr::Kind::Text;
        e.position = pos_;
        for (std::size_t i = pos_ + 1; i < text_.size(); ++i) {
            if (text_[i] != quote) {
                e.name += text_[i];
                continue;
            }
            if (i + 1 < text_.size() && text_[i + 1] == quote) {
                e.name += quote;  // a doubled quote stands for itself
                ++i;
                continue;
            }
            pos_ = i + 1;
            return e;
        }
        throw FormulaError(e.position, "the text in quotes is not closed");
    }

    static constexpr int kMaxDepth = 256;
    std::string_view text_;
    std::size_t pos_ = 0;
    int depth_ = 0;
};

}  // namespace

Expr parseFormula(std::string_view text) {
    return Parser(text).parseAll();
}

std::string describeFormulaError(std::string_view text, const FormulaError& error) {
    return "'" + std::string(text) + "' at character " + std::to_string(error.position() + 1) +
           ": " + error.what();
}

}  // namespace sluice::formula
