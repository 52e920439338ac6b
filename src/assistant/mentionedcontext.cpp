#include "assistant/mentionedcontext.h"

#include <cctype>

namespace lakeshore::assistant {
namespace {

std::string lower(std::string text)
{
    for (char &c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// A whole-word, case-insensitive mention of name in text.
bool mentions(const std::string &text, const std::string &name)
{
    if (name.empty())
        return false;
    const std::string haystack = lower(text);
    const std::string needle = lower(name);
    for (std::size_t at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + 1)) {
        const bool startOk = at == 0 || !std::isalnum(static_cast<unsigned char>(haystack[at - 1]));
        const std::size_t end = at + needle.size();
        const bool endOk = end >= haystack.size() || !std::isalnum(static_cast<unsigned char>(haystack[end]));
        if (startOk && endOk)
            return true;
    }
    return false;
}

} // namespace

CrmNeeds needsMentioned(const std::string &question, const sources::Directory &directory)
{
    CrmNeeds needs;
    for (const auto &territory : directory.territories)
        if (mentions(question, territory.name))
            needs.territory = territory.name;
    for (const auto &owner : directory.owners)
        if (mentions(question, owner.fullName))
            needs.owner = owner.fullName;
    if (needs.territory.empty() && needs.owner.empty() &&
        (mentions(question, "this account") || mentions(question, "this customer")))
        needs.thisAccount = true;
    return needs;
}

std::string contextSentence(const CrmBinding &binding)
{
    std::string text = "Context from the CRM: the accounts " + binding.scope + " are these account numbers:";
    for (const auto &number : binding.accountNumbers)
        text += " " + number;
    return text + ". Use only these accounts.";
}

} // namespace lakeshore::assistant
