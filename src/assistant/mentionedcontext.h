// CRM context for routes that pass the question on as words (a server's own natural-language tool): the
// territory, owner or open account the question names, found by name in the CRM's directory, and the
// bound accounts written out as a sentence the server reads with the question.
#pragma once

#include "assistant/plansql.h"
#include "assistant/semanticplanner.h"
#include "sources/crmconnector.h"

#include <string>

namespace lakeshore::assistant {

// Whole-word, case-insensitive mentions of a territory's or owner's name, or of "this account".
[[nodiscard]] CrmNeeds needsMentioned(const std::string &question, const sources::Directory &directory);

// "Context from the CRM: the accounts in the Cleveland territory are these account numbers: C1 C2. ..."
[[nodiscard]] std::string contextSentence(const CrmBinding &binding);

} // namespace lakeshore::assistant
