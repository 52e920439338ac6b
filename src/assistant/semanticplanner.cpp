#include "assistant/semanticplanner.h"

#include "assistant/plansql.h"
#include "assistant/questionreading.h"
#include "assistant/semanticsql.h"
#include "assistant/semanticvocabulary.h"
#include "assistant/timerange.h"

namespace lakeshore::assistant {

namespace {

std::string joinLabels(const std::vector<std::string> &labels)
{
    std::string out;
    for (std::size_t i = 0; i < labels.size(); ++i)
        out += (i == 0 ? "" : i + 1 == labels.size() ? " and " : ", ") + labels[i];
    return out;
}

std::string capitalized(std::string text)
{
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

// "cleveland" -> "Cleveland", "fort wayne" -> "Fort Wayne": how a name typed in lower case is shown.
std::string nameCase(std::string text)
{
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((i == 0 || text[i - 1] == ' ') && text[i] >= 'a' && text[i] <= 'z')
            text[i] = static_cast<char>(text[i] - 'a' + 'A');
    return text;
}

std::string plural(const std::string &label)
{
    if (label.ends_with("y") && !label.ends_with("ay") && !label.ends_with("ey"))
        return label.substr(0, label.size() - 1) + "ies";
    return label + "s";
}

// The refusal: the reason, then what can be asked, with examples from the model.
Error refusal(const SemanticModel &model, const std::string &reason)
{
    std::vector<std::string> metrics, dimensions;
    for (const auto &m : model.metrics)
        metrics.push_back(m.label);
    for (const auto &d : model.dimensions)
        dimensions.push_back(d.label);
    std::string message =
        capitalized(reason) + ". I can answer questions about " + joinLabels(metrics) + ", broken down by " +
        joinLabels(dimensions) +
        ", for a territory, an owner or the account you have open, over a time range such as "
        "the last 12 months, this year or 2024.";
    std::vector<std::string> examples;
    for (std::size_t i = 0; i < model.examples.size() && i < 2; ++i)
        examples.push_back("\"" + model.examples[i] + "\"");
    if (!examples.empty())
        message += " For example: " + examples[0] + (examples.size() > 1 ? " or " + examples[1] : "") + ".";
    return makeError(ErrorKind::Invalid, message);
}

std::string scopeTitle(const CrmNeeds &needs, const std::optional<CurrentAccount> &current)
{
    if (needs.thisAccount)
        return current && !current->name.empty() ? current->name : std::string("this account");
    std::vector<std::string> parts;
    if (!needs.territory.empty())
        parts.push_back(nameCase(needs.territory) + " territory");
    if (!needs.owner.empty())
        parts.push_back(needs.owner + "'s accounts");
    return joinLabels(parts);
}

std::string scopeExplanation(const CrmNeeds &needs, const std::optional<CurrentAccount> &current, bool all)
{
    std::string text;
    if (needs.thisAccount)
        text = "for the account you have open" +
               (current && !current->name.empty() ? " (" + current->name + ")" : std::string());
    else if (!needs.territory.empty() || !needs.owner.empty())
        text = "for the accounts the CRM lists" +
               (needs.territory.empty() ? std::string()
                                        : " in the " + nameCase(needs.territory) + " territory") +
               (needs.owner.empty() ? std::string() : " as owned by " + needs.owner);
    else
        text =
            all || needs.groupBy != CrmDimension::None ? "for all accounts" : "for all accounts in the mart";
    if (needs.groupBy == CrmDimension::Territory)
        text += ", each with its territory read from the CRM";
    if (needs.groupBy == CrmDimension::Owner)
        text += ", each with its owner read from the CRM";
    return text;
}

struct Understood
{
    std::vector<const ModelMetric *> metrics;
    std::vector<const ModelDimension *> dimensions;
    const ModelTimeFilter *timeFilter = nullptr;
    bool defaultMetric = false;
    bool defaultTime = false;
};

Result<Understood> complete(const SemanticModel &model, const QuestionReading &reading)
{
    Understood u;
    for (std::size_t m : reading.metrics)
        u.metrics.push_back(&model.metrics[m]);
    for (std::size_t d : reading.dimensions)
        u.dimensions.push_back(&model.dimensions[d]);
    if (u.metrics.empty()) {
        if (!reading.rankDescending)
            return makeError(ErrorKind::Invalid, "I did not find a measure in the question");
        u.metrics.push_back(model.metric(model.defaults.metric));
        u.defaultMetric = true;
    }
    if (u.dimensions.empty() && reading.rankDescending) {
        const std::string &rankBy =
            u.metrics.front()->rankBy.empty() ? model.defaults.rankDimension : u.metrics.front()->rankBy;
        u.dimensions.push_back(model.dimension(rankBy));
    }
    u.timeFilter = reading.timeFilter ? &model.timeFilters[*reading.timeFilter]
                                      : model.timeFilter(model.defaults.timeFilter);
    u.defaultTime = !reading.timeFilter;
    if (!u.metrics.front() || !u.timeFilter || (!u.dimensions.empty() && !u.dimensions.front()))
        return makeError(ErrorKind::Invalid, "the semantic model's defaults name something it does not have");
    return u;
}

std::string titleOf(const Understood &u, const QuestionReading &reading, const TimeRange &time, bool timed,
                    int limit, const std::string &scope)
{
    std::vector<std::string> metricLabels, dimensionLabels;
    for (const ModelMetric *m : u.metrics)
        metricLabels.push_back(m->label);
    for (const ModelDimension *d : u.dimensions)
        dimensionLabels.push_back(d->label);
    std::string title;
    std::vector<std::string> suffix;
    if (!scope.empty())
        suffix.push_back(scope);
    if (reading.rankDescending) {
        std::vector<std::string> plurals;
        for (const auto &label : dimensionLabels)
            plurals.push_back(plural(label));
        title = std::string(*reading.rankDescending ? "Top " : "Bottom ") + std::to_string(limit) + " " +
                joinLabels(plurals) + " by " + (timed && time.lifetime ? "lifetime " : "") +
                joinLabels(metricLabels);
    } else {
        title = timed && time.lifetime ? "Lifetime " + joinLabels(metricLabels)
                                       : capitalized(joinLabels(metricLabels));
        if (!dimensionLabels.empty())
            title += " by " + joinLabels(dimensionLabels);
    }
    if (timed && !time.lifetime)
        suffix.push_back(time.label);
    if (!suffix.empty())
        title += " \u2014 " + suffix.front() + (suffix.size() > 1 ? ", " + suffix.back() : "");
    return title;
}

std::string explanationOf(const Understood &u, const QuestionReading &reading, const TimeRange &time,
                          bool timed, int limit, const CrmNeeds &needs,
                          const std::optional<CurrentAccount> &current, const std::string &table)
{
    std::vector<std::string> metricLabels, dimensionLabels;
    for (const ModelMetric *m : u.metrics)
        metricLabels.push_back(m->label);
    for (const ModelDimension *d : u.dimensions)
        dimensionLabels.push_back(reading.rankDescending ? plural(d->label) : d->label);
    std::string text = "Read as ";
    if (reading.rankDescending)
        text += "the " + std::to_string(limit) + (*reading.rankDescending ? " highest " : " lowest ") +
                joinLabels(dimensionLabels) + " by " + joinLabels(metricLabels);
    else
        text +=
            joinLabels(metricLabels) + (dimensionLabels.empty() ? "" : " by " + joinLabels(dimensionLabels));
    if (u.defaultMetric)
        text += " (no measure named, so " + metricLabels.front() + ")";
    if (!timed)
        text += "; current scores, which have no history";
    else if (time.lifetime)
        text += std::string("; over all time") + (u.defaultTime ? " (no time range named)" : "");
    else
        text += "; over " + time.label + " (" + time.span + ")";
    text += "; " + scopeExplanation(needs, current, reading.allAccounts) + "; from " + table + ".";
    return text;
}

} // namespace

Result<SemanticPlan> planQuestion(std::string_view question, const SemanticModel &model,
                                  const PlanContext &context)
{
    const auto today = domain::Date::parse(context.today);
    if (!today)
        return makeError(ErrorKind::Invalid, "the plan context's today \"" + context.today +
                                                 "\" is not an ISO date (YYYY-MM-DD)");
    auto vocabulary = compileVocabulary(model);
    if (!vocabulary)
        return vocabulary.error();
    auto reading = readQuestion(question, model, vocabulary.value());
    if (!reading)
        return refusal(model, reading.error().message);
    auto understood = complete(model, reading.value());
    if (!understood)
        return refusal(model, understood.error().message);
    const Understood &u = understood.value();
    auto time = resolveTimeRange(*u.timeFilter, reading.value().timeCaptures, *today);
    if (!time)
        return refusal(model, time.error().message);

    SemanticPlan plan;
    plan.dialect = context.dialect;
    plan.currentAccount = context.currentAccount;
    plan.crm = reading.value().scope;
    for (const ModelDimension *d : u.dimensions)
        if (d->crm != CrmDimension::None)
            plan.crm.groupBy = d->crm;
    plan.ranked = reading.value().rankDescending.has_value();
    if (plan.ranked)
        plan.limit = reading.value().rankCount.value_or(model.defaults.topN);
    else if (!u.dimensions.empty())
        plan.limit = model.defaults.maxRows;
    if (plan.limit < 0 || plan.limit > model.defaults.maxRows)
        return refusal(model, "a top " + std::to_string(plan.limit) + " is more rows than I show (" +
                                  std::to_string(model.defaults.maxRows) + " at most)");
    if (plan.ranked && plan.limit == 0)
        return refusal(model, "a top 0 has no rows");

    QueryRequest request;
    request.metrics = u.metrics;
    request.dimensions = u.dimensions;
    request.time = time.value();
    request.accountList = plan.crm.any();
    request.rankDescending = reading.value().rankDescending;
    request.limit = plan.limit;
    auto built = buildQuery(model, request);
    if (!built)
        return refusal(model, built.error().message);

    const ModelTable &table = *built.value().table;
    const bool timed = !table.monthSql.empty();
    plan.sqlTemplate = built.value().sql;
    plan.hints = built.value().hints;
    plan.table = table.name;
    plan.accountExpression = table.accountSql;
    for (const ModelMetric *m : u.metrics)
        plan.metrics.push_back(m->name);
    for (const ModelDimension *d : u.dimensions)
        plan.dimensions.push_back(d->name);
    if (!time.value().lifetime) {
        plan.timeFrom = time.value().from.iso();
        plan.timeTo = time.value().to.iso();
    }
    plan.title = titleOf(u, reading.value(), time.value(), timed, plan.limit,
                         scopeTitle(plan.crm, context.currentAccount));
    plan.explanation = explanationOf(u, reading.value(), time.value(), timed, plan.limit, plan.crm,
                                     context.currentAccount, table.name);

    // Every plan's SQL must pass the guard once bound; a model whose SQL does not is a broken model.
    CrmBinding sample;
    sample.accountNumbers = {"C00000"};
    sample.groupByNumber["C00000"] = "sample";
    if (auto rendered = renderPlanSql(plan, sample); !rendered)
        return makeError(ErrorKind::Invalid,
                         "the semantic model \"" + model.name +
                             "\" wrote SQL that cannot be used: " + rendered.error().message);
    return plan;
}

} // namespace lakeshore::assistant
