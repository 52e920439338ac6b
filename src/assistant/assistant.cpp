#include "assistant/assistant.h"

#include "assistant/crmcontext.h"
#include "assistant/llmplanner.h"
#include "assistant/llmtools.h"
#include "assistant/mentionedcontext.h"
#include "assistant/nltool.h"
#include "assistant/plansql.h"
#include "assistant/queryguard.h"
#include "assistant/resultcharts.h"
#include "assistant/resultdecoder.h"
#include "sources/crmconnector.h"

#include <chrono>
#include <ctime>
#include <mutex>

namespace lakeshore::assistant {
namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// Replies at least this long are decoded on a worker, the answer arriving with the first rows.
constexpr std::size_t kProgressiveReply = 4u << 20;

std::string isoNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string isoToday()
{
    return isoNow().substr(0, 10);
}

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The CallToolResult object again, for the decoder (which reads structuredContent and text blocks).
Json resultJson(const mcp::ToolResult &result)
{
    Json content = Json::array();
    for (const auto &block : result.content)
        content.push_back(block.raw.is_null() ? Json{{"type", block.type}, {"text", block.text}} : block.raw);
    Json object{{"content", std::move(content)}};
    if (!result.structuredContent.is_null())
        object["structuredContent"] = result.structuredContent;
    return object;
}

std::string lower(std::string text)
{
    for (char &c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// The column that holds account numbers: the hint when the result has it (any letter case, since
// Snowflake upper-cases unquoted names), else a column named like one.
std::string accountColumnOf(const ResultSet &rows, const std::string &hint)
{
    for (const auto &column : rows.columns())
        if (!hint.empty() && lower(column.name) == lower(hint))
            return column.name;
    for (const auto &column : rows.columns()) {
        const std::string name = lower(column.name);
        if (name == "account_number" || name == "accountnumber" || name == "customer_number" ||
            name == "account_no")
            return column.name;
    }
    return {};
}

// The CRM accounts a binding named, so rows can open them.
void addAccounts(Answer &answer, const CrmBinding &binding)
{
    for (const auto &number : binding.accountNumbers) {
        const auto id = binding.crmIdByNumber.find(number);
        const auto name = binding.nameByNumber.find(number);
        answer.accounts[number] = AccountRef{id == binding.crmIdByNumber.end() ? "" : id->second,
                                             name == binding.nameByNumber.end() ? "" : name->second};
    }
}

// An answer in a route's own words (a model's or the server's), before the rows are read.
Answer spokenAnswer(const std::string &question, std::string text, std::string sql)
{
    Answer answer;
    answer.question = question;
    answer.title = question;
    answer.text = std::move(text);
    answer.sql = std::move(sql);
    return answer;
}

std::string columnNamed(const ResultSet &rows, const std::string &wanted)
{
    for (const auto &column : rows.columns())
        if (lower(column.name) == lower(wanted))
            return column.name;
    return {};
}

} // namespace

const char *routeName(Route route)
{
    switch (route) {
    case Route::Semantic:
        return "semantic";
    case Route::Llm:
        return "llm";
    case Route::ServerNl:
        return "server-nl";
    }
    return "semantic";
}

struct Assistant::Impl : std::enable_shared_from_this<Impl>
{
    LakehouseSetup setup;
    http::HttpClient *http = nullptr;
    std::shared_ptr<sources::CrmConnector> crm;
    std::shared_ptr<mcp::Client> client;
    std::mutex mutex;
    std::optional<std::vector<mcp::Tool>> tools; // listed once per connection

    using Progress = std::function<void(const AskProgress &)>;
    using Finish = std::function<void(Result<Answer>)>;

    struct Lakehouse
    {
        std::vector<mcp::Tool> tools;
        std::string server;
    };

    std::string serverLabel() const
    {
        const mcp::ServerIdentity identity = client->identity();
        if (!setup.label.empty())
            return setup.label;
        return identity.title.empty() ? identity.name : identity.title;
    }

    // Connects and lists tools once; a dropped connection is made again.
    void ready(CancelToken cancel, const Progress &onProgress, std::function<void(Result<Lakehouse>)> done)
    {
        {
            std::lock_guard lock(mutex);
            if (client->isConnected() && tools)
                return done(Lakehouse{*tools, serverLabel()});
            tools.reset();
        }
        if (onProgress)
            onProgress({"lakehouse", "Connecting to " +
                                         (setup.label.empty() ? std::string("the lakehouse") : setup.label)});
        auto self = shared_from_this();
        client->connect(cancel, [self, cancel,
                                 done = std::move(done)](Result<mcp::ServerIdentity> joined) mutable {
            if (!joined)
                return done(joined.error());
            self->client->listTools(cancel,
                                    [self, done = std::move(done)](Result<std::vector<mcp::Tool>> listed) {
                                        if (!listed)
                                            return done(listed.error());
                                        {
                                            std::lock_guard lock(self->mutex);
                                            self->tools = listed.value();
                                        }
                                        done(Lakehouse{listed.value(), self->serverLabel()});
                                    });
        });
    }

    Result<SqlToolBinding> sqlTool(const std::vector<mcp::Tool> &listed) const
    {
        if (!setup.sqlTool.empty()) {
            for (const auto &tool : listed) {
                if (tool.name != setup.sqlTool)
                    continue;
                SqlToolBinding binding{tool.name, setup.sqlArgument.empty() ? "sql" : setup.sqlArgument};
                if (setup.sqlArgument.empty()) {
                    if (auto found = findSqlTool({tool}))
                        binding.argumentName = found->argumentName;
                }
                return binding;
            }
            return makeError(ErrorKind::NotFound,
                             "the lakehouse's MCP server has no tool named \"" + setup.sqlTool + "\"");
        }
        if (auto found = findSqlTool(listed))
            return *found;
        std::string names;
        for (const auto &tool : listed)
            names += (names.empty() ? "" : ", ") + tool.name;
        return makeError(ErrorKind::NotFound,
                         "the lakehouse's MCP server offers no tool that runs SQL (its tools: " +
                             (names.empty() ? std::string("none") : names) + ")");
    }

    // Guards sql, runs it with the server's SQL tool and decodes the rows into answer.
    void runOnLakehouse(Answer answer, CancelToken cancel, Progress onProgress, Finish done,
                        Clock::time_point start)
    {
        const GuardVerdict verdict = checkReadOnlySelect(answer.sql, setup.dialect);
        if (!verdict.admitted)
            return done(
                makeError(ErrorKind::Invalid, "Lakeshore's query guard refused the SQL: " + verdict.reason));
        auto self = shared_from_this();
        ready(
            cancel, onProgress,
            [self, answer = std::move(answer), cancel, onProgress, done = std::move(done),
             start](Result<Lakehouse> lakehouse) mutable {
                if (!lakehouse)
                    return done(lakehouse.error());
                auto binding = self->sqlTool(lakehouse.value().tools);
                if (!binding)
                    return done(binding.error());
                Json arguments{{binding.value().argumentName, answer.sql}};
                for (const auto &tool : lakehouse.value().tools) {
                    const auto properties = tool.inputSchema.find("properties");
                    if (tool.name == binding.value().toolName && properties != tool.inputSchema.end() &&
                        properties->is_object() && properties->contains("max_rows"))
                        arguments["max_rows"] = self->setup.maxRows;
                }
                if (onProgress)
                    onProgress({"lakehouse", "Running the query on " + lakehouse.value().server});
                answer.steps.push_back(binding.value().toolName);
                mcp::ToolCallOptions call;
                call.meta = self->setup.meta;
                call.timeoutMs = self->setup.callTimeoutMs;
                call.cancel = cancel;
                call.onProgress = [onProgress](const mcp::Progress &step) {
                    if (onProgress)
                        onProgress({"lakehouse", step.message.empty() ? "Running the query" : step.message});
                };
                const std::string toolName = binding.value().toolName;
                const std::string server = lakehouse.value().server;
                // As text: a large result is decoded straight from it, first rows first.
                self->client->callToolText(toolName, std::move(arguments), std::move(call),
                                           [self, answer = std::move(answer), toolName, server,
                                            done = std::move(done),
                                            start](Result<std::string> reply) mutable {
                                               if (!reply)
                                                   return done(reply.error());
                                               self->finishText(std::move(answer), std::move(reply.value()),
                                                                toolName, server, start, done);
                                           });
            });
    }

    void finishText(Answer answer, std::string reply, const std::string &toolName, const std::string &server,
                    Clock::time_point start, const Finish &done)
    {
        Result<ResultSet> rows = ResultSet();
        if (reply.size() < kProgressiveReply) {
            rows = decodeToolResult(reply);
        } else {
            answer.decoding = ResultDecoding::start(std::move(reply));
            answer.decoding->waitForRows(DecodeOptions{}.firstRows);
            if (auto status = answer.decoding->status(); !status)
                rows = status.error();
            else
                rows = answer.decoding->snapshot();
        }
        if (!rows) {
            Error error = rows.error();
            if (error.kind == ErrorKind::Service && !error.serviceMessage.empty())
                error.message =
                    "the MCP tool \"" + toolName + "\" reported an error: " + error.serviceMessage;
            return done(std::move(error));
        }
        describe(answer, std::move(rows.value()), toolName, server, start);
        done(std::move(answer));
    }

    void finish(Answer answer, const mcp::ToolResult &result, const std::string &toolName,
                const std::string &server, Clock::time_point start, const Finish &done)
    {
        auto rows = decodeParsedToolResult(resultJson(result));
        if (!rows)
            return done(rows.error());
        describe(answer, std::move(rows.value()), toolName, server, start);
        done(std::move(answer));
    }

    // Fills in what the rows tell: the account column, the chart, formats and provenance.
    void describe(Answer &answer, ResultSet rows, const std::string &toolName, const std::string &server,
                  Clock::time_point start) const
    {
        answer.rows = std::move(rows);
        answer.accountColumn = accountColumnOf(answer.rows, answer.accountColumn);
        // Hints name columns as the SQL wrote them; results may spell them in another case.
        if (answer.chart.kind != ChartKind::None) {
            answer.chart.categoryColumn = columnNamed(answer.rows, answer.chart.categoryColumn);
            std::vector<std::string> measures;
            for (const auto &measure : answer.chart.measureColumns)
                if (auto name = columnNamed(answer.rows, measure); !name.empty())
                    measures.push_back(name);
            answer.chart.measureColumns = std::move(measures);
            if (answer.chart.categoryColumn.empty() || answer.chart.measureColumns.empty())
                answer.chart = {};
        }
        if (answer.chart.kind == ChartKind::None)
            answer.chart = chartFor(answer.rows);
        std::map<std::string, MetricFormat> formats;
        for (const auto &[name, format] : answer.formats)
            if (auto column = columnNamed(answer.rows, name); !column.empty())
                formats[column] = format;
        answer.formats = std::move(formats);
        answer.provenance.server = server;
        answer.provenance.tool = toolName;
        answer.provenance.route = setup.route;
        answer.provenance.elapsedMs = msSince(start);
        answer.provenance.finishedAt = isoNow();
    }

    void askSemantic(const std::string &question, const std::optional<CurrentAccount> &current,
                     CancelToken cancel, Progress onProgress, Finish done, Clock::time_point start)
    {
        if (!setup.model)
            return done(makeError(ErrorKind::Invalid, "no semantic model is configured for this lakehouse"));
        if (onProgress)
            onProgress({"plan", "Reading the question"});
        PlanContext context{setup.today.empty() ? isoToday() : setup.today, current, setup.dialect};
        auto planned = planQuestion(question, *setup.model, context);
        if (!planned)
            return done(planned.error());
        const SemanticPlan plan = std::move(planned.value());
        Answer answer;
        answer.question = question;
        answer.title = plan.title;
        answer.text = plan.explanation;
        answer.accountColumn = plan.hints.accountNumberColumn;
        answer.chart = ChartHint{plan.hints.chart, plan.hints.categoryColumn, plan.hints.measureColumns};
        for (const auto &column : plan.hints.columns)
            if (column.role == ColumnRole::Measure)
                answer.formats[column.name] = column.format;
        answer.steps.push_back("planned: " + plan.explanation);
        if (!plan.crm.any()) {
            auto sql = renderPlanSql(plan, CrmBinding{});
            if (!sql)
                return done(sql.error());
            answer.sql = std::move(sql.value());
            return runOnLakehouse(std::move(answer), cancel, std::move(onProgress), std::move(done), start);
        }
        if (onProgress)
            onProgress({"crm", crmDetail(plan.crm)});
        auto self = shared_from_this();
        auto binder = std::make_shared<CrmContextBinder>(*crm);
        binder->bind(plan.crm, plan.currentAccount, cancel,
                     [self, binder, plan, answer = std::move(answer), cancel, onProgress,
                      done = std::move(done), start](Result<CrmBinding> binding) mutable {
                         if (!binding)
                             return done(binding.error());
                         auto sql = renderPlanSql(plan, binding.value());
                         if (!sql)
                             return done(sql.error());
                         answer.sql = std::move(sql.value());
                         addAccounts(answer, binding.value());
                         answer.steps.push_back(
                             "CRM: " + std::to_string(binding.value().accountNumbers.size()) + " accounts " +
                             binding.value().scope);
                         self->runOnLakehouse(std::move(answer), cancel, std::move(onProgress),
                                              std::move(done), start);
                     });
    }

    static std::string crmDetail(const CrmNeeds &needs)
    {
        if (needs.thisAccount)
            return "Reading the open account from the CRM";
        if (!needs.territory.empty())
            return "Reading the " + needs.territory + " territory's accounts from the CRM";
        if (!needs.owner.empty())
            return "Reading " + needs.owner + "'s accounts from the CRM";
        return "Reading accounts from the CRM";
    }

    void askLlm(const std::string &question, const std::optional<CurrentAccount> &current, CancelToken cancel,
                Progress onProgress, Finish done, Clock::time_point start)
    {
        auto self = shared_from_this();
        ready(cancel, onProgress,
              [self, question, current, cancel, onProgress, done = std::move(done),
               start](Result<Lakehouse> lakehouse) mutable {
                  if (!lakehouse)
                      return done(lakehouse.error());
                  auto binding = self->sqlTool(lakehouse.value().tools);
                  if (!binding)
                      return done(binding.error());
                  LlmQuestion asked;
                  asked.question = question;
                  asked.mcp = self->client;
                  asked.tools = lakehouse.value().tools;
                  asked.sqlTool = binding.value();
                  asked.dialect = self->setup.dialect;
                  asked.sqlToolMeta = self->setup.meta;
                  asked.crm = self->crm;
                  if (current) {
                      domain::Account account;
                      account.id = current->crmId;
                      account.accountNumber = current->number;
                      account.name = current->name;
                      asked.currentAccount = account;
                  }
                  if (onProgress)
                      onProgress({"model", "Asking " + self->setup.chat.model});
                  const std::string server = lakehouse.value().server;
                  LlmPlanner planner(*self->http, self->setup.chat);
                  planner.answer(std::move(asked), cancel,
                                 [self, question, server, done = std::move(done),
                                  start](Result<LlmAnswer> said) mutable {
                                     if (!said)
                                         return done(said.error());
                                     Answer answer =
                                         spokenAnswer(question, said.value().text, said.value().sql);
                                     for (const auto &[number, account] : said.value().boundAccounts)
                                         answer.accounts[number] = AccountRef{account.crmId, account.name};
                                     for (const auto &step : said.value().steps)
                                         answer.steps.push_back(
                                             step.tool.empty() ? step.text : step.tool + ": " + step.outcome);
                                     self->finish(std::move(answer), said.value().result,
                                                  said.value().sqlTool, server, start, done);
                                 });
              });
    }

    void askServer(const std::string &question, const std::optional<CurrentAccount> &current,
                   CancelToken cancel, Progress onProgress, Finish done, Clock::time_point start)
    {
        auto self = shared_from_this();
        ready(cancel, onProgress,
              [self, question, current, cancel, onProgress, done = std::move(done),
               start](Result<Lakehouse> lakehouse) mutable {
                  if (!lakehouse)
                      return done(lakehouse.error());
                  auto profile = detectNlTool(lakehouse.value().tools);
                  if (!profile)
                      return done(profile.error());
                  self->serverContext(
                      question, current, cancel, onProgress,
                      [self, question, profile = profile.value(), lakehouse = lakehouse.value(), cancel,
                       onProgress, done = std::move(done),
                       start](Result<std::pair<std::string, CrmBinding>> context) mutable {
                          if (!context)
                              return done(context.error());
                          self->askServerTool(question, profile, lakehouse.server, context.value(), cancel,
                                              onProgress, std::move(done), start);
                      });
              });
    }

    void askServerTool(const std::string &question, const NlToolProfile &profile, const std::string &server,
                       const std::pair<std::string, CrmBinding> &context, CancelToken cancel,
                       Progress onProgress, Finish done, Clock::time_point start)
    {
        if (onProgress)
            onProgress({"server", "Asking " + server});
        NlToolOptions options;
        options.meta = setup.meta;
        options.dialect = setup.dialect;
        options.callTimeoutMs = setup.callTimeoutMs;
        auto self = shared_from_this();
        const CrmBinding binding = context.second;
        askNlTool(
            *client, profile, question, context.first, options, cancel,
            [onProgress](const NlProgress &step) {
                if (onProgress)
                    onProgress({"server", step.status});
            },
            [self, question, server, binding, done = std::move(done), start](Result<NlAnswer> said) mutable {
                if (!said)
                    return done(said.error());
                Answer answer = spokenAnswer(question, said.value().text, said.value().sql);
                answer.steps = said.value().steps;
                addAccounts(answer, binding);
                self->finish(std::move(answer), said.value().rows, said.value().rowsTool, server, start,
                             done);
            });
    }

    // For the server's own NL tool: the territory, owner or open account the question names, bound live
    // and written out as plain sentences the server reads with the question.
    void serverContext(const std::string &question, const std::optional<CurrentAccount> &current,
                       CancelToken cancel, const Progress &onProgress,
                       std::function<void(Result<std::pair<std::string, CrmBinding>>)> done)
    {
        auto self = shared_from_this();
        crm->directory(cancel, [self, question, current, cancel, onProgress,
                                done = std::move(done)](Result<sources::Directory> directory) mutable {
            if (!directory)
                return done(directory.error());
            const CrmNeeds needs = needsMentioned(question, directory.value());
            if (!needs.any())
                return done(std::pair<std::string, CrmBinding>{});
            if (onProgress)
                onProgress({"crm", crmDetail(needs)});
            auto binder = std::make_shared<CrmContextBinder>(*self->crm);
            binder->bind(needs, current, cancel,
                         [binder, done = std::move(done)](Result<CrmBinding> binding) {
                             if (!binding)
                                 return done(binding.error());
                             done(std::pair<std::string, CrmBinding>{contextSentence(binding.value()),
                                                                     binding.value()});
                         });
        });
    }
};

Assistant::Assistant(LakehouseSetup setup, http::HttpClient &http, std::shared_ptr<sources::CrmConnector> crm)
    : m_impl(std::make_shared<Impl>())
{
    m_impl->client = std::make_shared<mcp::Client>(setup.transport, setup.clientOptions);
    m_impl->setup = std::move(setup);
    m_impl->http = &http;
    m_impl->crm = std::move(crm);
}

Assistant::~Assistant()
{
    m_impl->client->close();
}

void Assistant::ask(const std::string &question, const std::optional<CurrentAccount> &current,
                    CancelToken cancel, std::function<void(const AskProgress &)> onProgress,
                    std::function<void(Result<Answer>)> done)
{
    const auto start = Clock::now();
    switch (m_impl->setup.route) {
    case Route::Semantic:
        return m_impl->askSemantic(question, current, cancel, std::move(onProgress), std::move(done), start);
    case Route::Llm:
        return m_impl->askLlm(question, current, cancel, std::move(onProgress), std::move(done), start);
    case Route::ServerNl:
        return m_impl->askServer(question, current, cancel, std::move(onProgress), std::move(done), start);
    }
}

void Assistant::runSql(const std::string &sql, const Answer &earlier, CancelToken cancel,
                       std::function<void(const AskProgress &)> onProgress,
                       std::function<void(Result<Answer>)> done)
{
    Answer answer;
    answer.question = earlier.question;
    answer.title = earlier.title;
    answer.text = "Your edited SQL, run as written.";
    answer.sql = sql;
    answer.accountColumn = earlier.accountColumn;
    answer.accounts = earlier.accounts;
    answer.formats = earlier.formats;
    answer.steps.push_back("edited SQL");
    m_impl->runOnLakehouse(std::move(answer), std::move(cancel), std::move(onProgress), std::move(done),
                           Clock::now());
}

void Assistant::findAccount(const std::string &accountNumber, CancelToken cancel,
                            std::function<void(Result<AccountRef>)> done)
{
    sources::AccountFilter filter;
    filter.search = accountNumber;
    filter.pageSize = 20;
    m_impl->crm->accounts(
        filter, std::move(cancel),
        [accountNumber, done = std::move(done)](Result<sources::AccountPage> page) {
            if (!page)
                return done(page.error());
            for (const auto &account : page.value().accounts)
                if (account.accountNumber == accountNumber)
                    return done(AccountRef{account.id, account.name});
            done(makeError(ErrorKind::NotFound, "the CRM has no account with number " + accountNumber));
        });
}

const LakehouseSetup &Assistant::setup() const
{
    return m_impl->setup;
}

} // namespace lakeshore::assistant
