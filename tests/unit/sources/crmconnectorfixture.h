// CrmConnector against the demo tenant's CRM: account lists (search, territory, owner, sort, pages, total),
// one account, the directory, every related read, ids checked before any request, each mapping compared
// with the World's own values, task writes, and the batch reads of a worklist's join.
// (The class and its helpers; the tests are in tst_crmconnector.cpp, tst_crmconnectorrelated.cpp,
// tst_crmconnectortasks.cpp and tst_crmconnectorbatch.cpp.)
#pragma once
#include "asynctest.h"
#include "demo/demotenant.h"
#include "http/httpclient.h"
#include "sources/crmconnector.h"

#include <algorithm>
#include <cmath>
#include <QTest>
#include <set>

using namespace lakeshore;
using namespace lakeshore::sources;
using namespace asynctest;
using demo::DemoService;

namespace crmconnectortest {

inline std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

inline bool startsWith(const std::string &text, const std::string &prefix)
{
    return text.rfind(prefix, 0) == 0;
}

inline double cents(double value)
{
    return std::round(value * 100) / 100;
}

// The first field that differs, or empty.
inline QString differs(const domain::Account &got, const domain::Account &want)
{
    const std::pair<const char *, bool> fields[] = {
        {"id", got.id == want.id},
        {"accountNumber", got.accountNumber == want.accountNumber},
        {"name", got.name == want.name},
        {"industry", got.industry == want.industry},
        {"street", got.street == want.street},
        {"city", got.city == want.city},
        {"state", got.state == want.state},
        {"postalCode", got.postalCode == want.postalCode},
        {"phone", got.phone == want.phone},
        {"website", got.website == want.website},
        {"annualRevenue", std::abs(got.annualRevenue - cents(want.annualRevenue)) < 0.005},
        {"employees", got.employees == want.employees},
        {"active", got.active == want.active},
        {"territoryId", got.territoryId == want.territoryId},
        {"ownerId", got.ownerId == want.ownerId},
        {"modifiedOn", got.modifiedOn == want.modifiedOn},
    };
    for (const auto &[name, same] : fields)
        if (!same)
            return QString::fromLatin1(name) + " differs for " + qs(want.id);
    return {};
}

inline std::set<std::string> idsOf(const std::vector<domain::Account> &accounts)
{
    std::set<std::string> ids;
    for (const auto &a : accounts)
        ids.insert(a.id);
    return ids;
}

template <class T> inline std::set<std::string> idSet(const std::vector<T> &items)
{
    std::set<std::string> ids;
    for (const auto &item : items)
        ids.insert(item.id);
    return ids;
}

} // namespace crmconnectortest

using namespace crmconnectortest;

class TestCrmConnector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void firstPageAndTotal();
    void morePagesToTheEnd();
    void search_data();
    void search();
    void territoryAndOwner();
    void sorts_data();
    void sorts();
    void badIdsMakeNoRequest_data();
    void badIdsMakeNoRequest();
    void oneAccount();
    void directory();
    void contacts();
    void opportunities();
    void activities();
    void conversations();
    void cases();
    void probe();
    void serviceDown();

    void createTaskThenReadBack();
    void createTaskChecksFirst_data();
    void createTaskChecksFirst();
    void createTaskLimitsInCharacters();
    void createTaskServiceErrors();

    void accountsByNumber();
    void accountsById();
    void accountsBatchChecksFirst();
    void accountsBatchFailures();
    void accountsBatchCancel();

private:
    const demo::World &world() const { return m_tenant->world(); }
    // A Cleveland account with some of everything, and its detail.
    std::size_t richAccount() const;
    template <class T, class Call> Result<T> run(Call call)
    {
        return await<T>([&](auto done) { call(*m_crm, done); });
    }

    std::unique_ptr<demo::DemoTenant> m_tenant;
    std::unique_ptr<http::HttpClient> m_http; // destroyed before the tenant: its servers then stop at once
    std::unique_ptr<CrmConnector> m_crm;
};
