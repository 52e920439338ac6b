// libFuzzer target for the query guard: it must never crash, must give a reason for every refusal, and must
// never admit text that does not tokenize cleanly as one statement starting with SELECT, WITH or '('.
#include "assistant/queryguard.h"
#include "assistant/sqltokenizer.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

using namespace lakeshore::assistant;

namespace {

[[noreturn]] void broken(const char *what, SqlDialect dialect)
{
    std::fprintf(stderr, "query guard invariant broken (%s): %s\n", std::string(dialectName(dialect)).c_str(), what);
    std::abort();
}

bool startsWith(std::string_view word, std::string_view lowerKeyword)
{
    if (word.size() != lowerKeyword.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = (word[i] >= 'A' && word[i] <= 'Z') ? static_cast<char>(word[i] - 'A' + 'a') : word[i];
        if (c != lowerKeyword[i])
            return false;
    }
    return true;
}

// What an admitted text must look like when tokenized as one concrete dialect.
void checkAdmittedShape(std::string_view sql, SqlDialect dialect)
{
    const TokenizeResult lexed = tokenize(sql, dialect);
    if (!lexed.ok())
        broken("admitted text does not tokenize", dialect);
    const Token *first = nullptr;
    const Token *last = nullptr;
    std::size_t semicolons = 0;
    for (const Token &token : lexed.tokens) {
        if (token.kind == TokenKind::Comment)
            continue;
        if (!first)
            first = &token;
        last = &token;
        if (token.kind == TokenKind::Semicolon)
            ++semicolons;
    }
    if (!first)
        broken("admitted an empty statement", dialect);
    const bool goodStart = first->kind == TokenKind::LeftParen ||
                           (first->kind == TokenKind::Word &&
                            (startsWith(first->text, "select") || startsWith(first->text, "with")));
    if (!goodStart)
        broken("admitted a statement that does not start with SELECT, WITH or '('", dialect);
    if (semicolons > 1 || (semicolons == 1 && last->kind != TokenKind::Semicolon))
        broken("admitted more than one statement", dialect);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view sql(reinterpret_cast<const char *>(data), size);
    for (const SqlDialect dialect : kConcreteDialects) {
        const GuardVerdict verdict = checkReadOnlySelect(sql, dialect);
        if (!verdict.admitted) {
            if (verdict.reason.empty())
                broken("refused without a reason", dialect);
            continue;
        }
        if (size > kMaxGuardedQueryBytes)
            broken("admitted text over the size cap", dialect);
        checkAdmittedShape(sql, dialect);
    }
    const GuardVerdict generic = checkReadOnlySelect(sql, SqlDialect::Generic);
    if (generic.admitted) {
        for (const SqlDialect dialect : kConcreteDialects) {
            if (!checkReadOnlySelect(sql, dialect).admitted)
                broken("Generic admitted what a dialect refuses", dialect);
        }
    } else if (generic.reason.empty()) {
        broken("refused without a reason", SqlDialect::Generic);
    }
    return 0;
}
