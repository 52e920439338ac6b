// The demo world generator: determinism, sizes, referential consistency and the ERP arithmetic the
// off-contract worklist and the demo lakehouse rely on.
#include "demo/random.h"
#include "demo/world.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <QtTest>
#include <set>
#include <string>
#include <thread>

using namespace lakeshore;
using namespace lakeshore::demo;

namespace {

const domain::Date kToday(2025, 6, 30);

WorldOptions options(WorldSize size = WorldSize::Small, std::uint64_t seed = 1847)
{
    WorldOptions o;
    o.seed = seed;
    o.size = size;
    o.today = kToday;
    return o;
}

long long cents(double value)
{
    return std::llround(value * 100);
}
double round2(double value)
{
    return std::round(value * 100) / 100;
}

bool isGuid(const std::string &id)
{
    if (id.size() != 36)
        return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        const char c = id[i];
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

bool allDigits(std::string_view text)
{
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Every field as text, so whole worlds and details compare (and hash) as one string.
class Print
{
public:
    Print &operator<<(const std::string &s)
    {
        m_out += s;
        m_out += '|';
        return *this;
    }
    Print &operator<<(const char *s) { return *this << std::string(s); }
    Print &operator<<(long long v) { return *this << std::to_string(v); }
    Print &operator<<(int v) { return *this << static_cast<long long>(v); }
    Print &operator<<(bool v) { return *this << (v ? "1" : "0"); }
    Print &operator<<(double v) { return *this << cents(v); }
    Print &operator<<(domain::Date d) { return *this << d.iso(); }
    Print &operator<<(domain::Timestamp t) { return *this << t.iso(); }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

std::string fingerprint(const AccountDetail &d)
{
    Print p;
    for (const auto &c : d.contacts)
        p << c.id << c.accountId << c.fullName << c.jobTitle << c.email << c.phone << c.primary;
    for (const auto &o : d.opportunities)
        p << o.id << o.name << o.stage << o.status << o.estimatedValue << o.probability
          << o.estimatedCloseDate << o.ownerId;
    for (const auto &a : d.activities)
        p << a.id << a.type << a.subject << a.status << a.scheduledAt << a.ownerId;
    for (const auto &c : d.conversations)
        p << c.id << c.subject << c.channel << c.messageCount << c.lastMessageAt << c.lastMessage;
    for (const auto &c : d.cases)
        p << c.id << c.number << c.title << c.priority << c.status << c.createdOn;
    const auto &cu = d.customer;
    p << cu.number << cu.name << cu.balance << cu.overdueAmount << cu.creditLimit << cu.paymentTerms
      << cu.blocked;
    for (const auto &k : d.contractPrices)
        p << k.contractId << k.customerNumber << k.itemNumber << k.unitPrice << k.validFrom << k.validTo;
    for (const auto &v : d.invoices) {
        p << v.number << v.customerNumber << v.invoiceDate << v.dueDate << v.totalAmount << v.remainingAmount;
        for (const auto &l : v.lines)
            p << l.invoiceNumber << l.lineNumber << l.itemNumber << l.quantity << l.unitPrice << l.unitCost
              << l.freightCost << l.amount;
    }
    for (const auto &s : d.openOrders)
        p << s.number << s.customerNumber << s.orderDate << s.requestedDeliveryDate << s.status
          << s.totalAmount << s.lineCount;
    return p.take();
}

std::string fingerprint(const World &world)
{
    Print p;
    for (const auto &t : world.territories())
        p << t.id << t.name << t.region;
    for (const auto &o : world.owners())
        p << o.id << o.fullName << o.email << o.title << o.isManager << o.territoryId;
    for (const auto &a : world.accounts())
        p << a.id << a.accountNumber << a.name << a.industry << a.street << a.city << a.state << a.postalCode
          << a.phone << a.website << a.annualRevenue << a.employees << a.active << a.territoryId << a.ownerId
          << a.modifiedOn;
    for (const auto &i : world.items())
        p << i.number << i.description << i.category << i.unitOfMeasure << i.unitCost << i.listPrice;
    return p.take();
}

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 14695981039346656037ull)
{
    for (char c : text)
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return hash;
}

const domain::ContractPrice *validContract(const AccountDetail &d, const std::string &item, domain::Date on)
{
    for (const auto &k : d.contractPrices)
        if (k.itemNumber == item && k.validFrom <= on && on <= k.validTo)
            return &k;
    return nullptr;
}

} // namespace

class TestWorld : public QObject
{
    Q_OBJECT

private:
    World m_world{options()};
    std::vector<AccountDetail> m_details;

private slots:
    void initTestCase()
    {
        for (std::size_t i = 0; i < m_world.accounts().size(); ++i)
            m_details.push_back(m_world.detail(i));
    }

    void parsesWorldSizes()
    {
        QCOMPARE(parseWorldSize("small"), std::optional(WorldSize::Small));
        QCOMPARE(parseWorldSize("default"), std::optional(WorldSize::Default));
        QCOMPARE(parseWorldSize("large"), std::optional(WorldSize::Large));
        QCOMPARE(parseWorldSize("Large"), std::optional(WorldSize::Large));
        for (const char *bad : {"", "huge", " small", "small ", "smal", "defaults", "1"})
            QVERIFY2(!parseWorldSize(bad), bad);
        for (auto size : {WorldSize::Small, WorldSize::Default, WorldSize::Large})
            QCOMPARE(parseWorldSize(worldSizeName(size)), std::optional(size));
    }

    // The generator's own PRNG is what makes worlds equal across standard libraries; pin it.
    void randomIsPinnedAndBounded()
    {
        Rng rng(1847);
        QCOMPARE(rng.next(), 3871710447135796607ull);
        Rng other(1847);
        other.next();
        QCOMPARE(other.next(), rng.next());
        QVERIFY(guidFor(1, 2, 3) == guidFor(1, 2, 3) && guidFor(1, 2, 3) != guidFor(1, 2, 4));
        QVERIFY(isGuid(guidFor(1847, 0)));
        double sum = 0, squares = 0;
        for (int i = 0; i < 20000; ++i) {
            QVERIFY(rng.below(7) < 7);
            const auto b = rng.between(-3, 3);
            QVERIFY(b >= -3 && b <= 3);
            const double u = rng.uniform();
            QVERIFY(u >= 0 && u < 1);
            const double z = rng.normal();
            QVERIFY(z >= -6 && z <= 6);
            sum += z;
            squares += z * z;
        }
        QVERIFY(std::abs(sum / 20000) < 0.05);
        QVERIFY(std::abs(squares / 20000 - 1) < 0.05);
        const int weights[] = {0, 1, 0};
        QCOMPARE(rng.weighted(weights), std::size_t{1});
        const int shares[] = {3, 1};
        QCOMPARE(apportion(shares, 8), (std::vector<std::size_t>{6, 2}));
    }

    void sizes()
    {
        QCOMPARE(m_world.accounts().size(), std::size_t{120});
        QCOMPARE(m_world.items().size(), std::size_t{60});
        const World standard(options(WorldSize::Default));
        QCOMPARE(standard.accounts().size(), std::size_t{2000});
        QCOMPARE(standard.items().size(), std::size_t{800});
        QVERIFY(m_world.territories().size() >= 10 && m_world.territories().size() <= 12);
    }

    void sameOptionsSameWorld()
    {
        const World again(options());
        QCOMPARE(fingerprint(again), fingerprint(m_world));
        for (std::size_t i = 0; i < m_details.size(); ++i)
            QCOMPARE(fingerprint(again.detail(i)), fingerprint(m_details[i]));
        QCOMPARE(again.options().seed, std::uint64_t{1847});
        QCOMPARE(again.options().today, kToday);
    }

    void detailIndependentOfOrderAndThread()
    {
        const World other(options());
        const std::size_t n = m_details.size();
        std::vector<std::string> backwards(n), forwards(n);
        std::thread a([&] {
            for (std::size_t i = n; i-- > 0;)
                backwards[i] = fingerprint(other.detail(i));
        });
        std::thread b([&] {
            for (std::size_t i = 0; i < n; ++i)
                forwards[i] = fingerprint(other.detail(i));
        });
        a.join();
        b.join();
        for (std::size_t i = 0; i < n; ++i) {
            QCOMPARE(backwards[i], fingerprint(m_details[i]));
            QCOMPARE(forwards[i], backwards[i]);
        }
        QCOMPARE(fingerprint(other.detail(17)), fingerprint(m_details[17])); // again, after the others
    }

    void seedAndTodayMatter()
    {
        const World reseeded(options(WorldSize::Small, 1848));
        QVERIFY(fingerprint(reseeded) != fingerprint(m_world));
        WorldOptions later = options();
        later.today = kToday.addDays(1);
        const World tomorrow(later);
        QVERIFY(fingerprint(tomorrow.detail(0)) != fingerprint(m_details[0]));
    }

    // Pinned outputs: a change here means the generator changed and every demo dataset with it.
    void goldenValues()
    {
        const auto q = [](const std::string &s) { return QString::fromStdString(s); };
        const auto &first = m_world.accounts().front();
        QCOMPARE(q(first.id), QStringLiteral("279de8ec-f529-4877-b026-8ab307ffcc6d"));
        QCOMPARE(q(first.accountNumber), QStringLiteral("C10003"));
        QCOMPARE(q(first.name), QStringLiteral("Heartland Trim Products"));
        QCOMPARE(q(m_world.items().front().description),
                 QStringLiteral("Hex Cap Screw 3/8-16 x 1-1/2\", Grade 5, Plain Finish, 50/Box"));
        QCOMPARE(m_details[7].invoices.size(), std::size_t{57});
        QCOMPARE(cents(m_details[7].customer.balance), 1988079ll);
        std::uint64_t hash = fnv1a(fingerprint(m_world));
        for (const auto &detail : m_details)
            hash = fnv1a(fingerprint(detail), hash);
        char hex[17];
        std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
        QCOMPARE(QString::fromLatin1(hex), QStringLiteral("e129b64d2c1095a2"));
    }

    void uniqueIdsAndNumbers()
    {
        std::set<std::string> ids, numbers, names, caseNumbers, invoiceNumbers, orderNumbers, itemNumbers;
        for (const auto &a : m_world.accounts()) {
            QVERIFY2(isGuid(a.id), a.id.c_str());
            QVERIFY(ids.insert(a.id).second);
            QVERIFY(a.accountNumber.size() >= 6 && a.accountNumber[0] == 'C' &&
                    allDigits(a.accountNumber.substr(1)));
            QVERIFY(numbers.insert(a.accountNumber).second);
            QVERIFY(names.insert(a.name).second);
        }
        for (const auto &item : m_world.items())
            QVERIFY(itemNumbers.insert(item.number).second);
        for (const auto &d : m_details) {
            for (const auto &c : d.cases)
                QVERIFY2(caseNumbers.insert(c.number).second, c.number.c_str());
            for (const auto &v : d.invoices)
                QVERIFY2(invoiceNumbers.insert(v.number).second, v.number.c_str());
            for (const auto &s : d.openOrders)
                QVERIFY2(orderNumbers.insert(s.number).second, s.number.c_str());
            for (const auto &c : d.contacts)
                QVERIFY(isGuid(c.id) && ids.insert(c.id).second);
            for (const auto &o : d.opportunities)
                QVERIFY(isGuid(o.id) && ids.insert(o.id).second);
        }
        QVERIFY(!caseNumbers.empty() && caseNumbers.begin()->rfind("CAS-", 0) == 0);
    }

    void clevelandAndOwners()
    {
        std::map<std::string, std::string> territoryName;
        for (const auto &t : m_world.territories())
            territoryName[t.id] = t.name;
        std::map<std::string, const domain::Owner *> owners;
        std::map<std::string, int> repsPerTerritory;
        int managers = 0;
        for (const auto &o : m_world.owners()) {
            owners[o.id] = &o;
            if (o.isManager) {
                ++managers;
                QVERIFY(o.territoryId.empty());
            } else {
                QVERIFY(territoryName.count(o.territoryId));
                ++repsPerTerritory[o.territoryId];
            }
        }
        QVERIFY(managers >= 2);
        for (const auto &t : m_world.territories())
            QVERIFY(repsPerTerritory[t.id] >= 1 && repsPerTerritory[t.id] <= 3);

        std::size_t cleveland = 0;
        for (const auto &a : m_world.accounts()) {
            QVERIFY(owners.count(a.ownerId));
            const domain::Owner &owner = *owners[a.ownerId];
            QVERIFY(!owner.isManager);
            QCOMPARE(owner.territoryId, a.territoryId);
            if (territoryName[a.territoryId] == "Cleveland") {
                ++cleveland;
                QCOMPARE(a.state, std::string("OH"));
            }
        }
        QVERIFY(cleveland * 100 >= m_world.accounts().size() * 8);
        const auto cle = std::find_if(m_world.territories().begin(), m_world.territories().end(),
                                      [](const auto &t) { return t.name == "Cleveland"; });
        QVERIFY(cle != m_world.territories().end());
        QVERIFY(repsPerTerritory[cle->id] >= 2);
    }

    void accountFields()
    {
        int inactive = 0;
        for (const auto &a : m_world.accounts()) {
            QVERIFY(!a.name.empty() && !a.industry.empty() && !a.street.empty() && !a.city.empty());
            QVERIFY(std::set<std::string>({"OH", "PA", "MI", "IN", "NY", "KY"}).count(a.state));
            QVERIFY(a.postalCode.size() == 5 && allDigits(a.postalCode));
            QVERIFY2(a.phone.size() == 14 && a.phone.substr(5, 6) == " 555-0", a.phone.c_str());
            QVERIFY(a.website.rfind("www.", 0) == 0);
            QVERIFY(a.annualRevenue > 0 && a.employees > 0);
            QVERIFY(a.modifiedOn.date() < kToday && a.modifiedOn.date() >= kToday.addDays(-366));
            inactive += a.active ? 0 : 1;
        }
        QVERIFY(inactive >= 1 && inactive <= 15);
    }

    void detailShapes()
    {
        const std::set<std::string> stages{"Qualify", "Develop", "Propose", "Close"};
        for (std::size_t i = 0; i < m_details.size(); ++i) {
            const auto &account = m_world.accounts()[i];
            const auto &d = m_details[i];
            QVERIFY(d.contacts.size() >= 2 && d.contacts.size() <= 8);
            QVERIFY(d.contacts.front().primary);
            QCOMPARE(
                std::count_if(d.contacts.begin(), d.contacts.end(), [](const auto &c) { return c.primary; }),
                1);
            const std::string domain = "@" + account.website.substr(4);
            for (const auto &c : d.contacts) {
                QCOMPARE(c.accountId, account.id);
                QVERIFY2(c.email.size() > domain.size() && c.email.ends_with(domain), c.email.c_str());
            }
            QVERIFY(d.opportunities.size() <= 6);
            for (const auto &o : d.opportunities) {
                QVERIFY(stages.count(o.stage));
                QVERIFY(o.estimatedValue > 0);
                if (o.status == "Won")
                    QCOMPARE(o.probability, 100);
                else if (o.status == "Lost")
                    QCOMPARE(o.probability, 0);
                else
                    QVERIFY(o.status == "Open" && o.probability > 0 && o.probability < 100);
            }
            QVERIFY(d.activities.size() >= 5 && d.activities.size() <= 30);
            for (std::size_t k = 0; k < d.activities.size(); ++k) {
                const auto &a = d.activities[k];
                QVERIFY(a.status == (a.scheduledAt.date() > kToday ? "Open" : "Completed"));
                QVERIFY(!a.subject.empty() && a.subject.find('{') == std::string::npos);
                if (k > 0)
                    QVERIFY(d.activities[k - 1].scheduledAt <= a.scheduledAt);
            }
            QVERIFY(d.conversations.size() >= 1 && d.conversations.size() <= 5);
            for (const auto &c : d.conversations) {
                QVERIFY(c.messageCount >= 1 && !c.lastMessage.empty() &&
                        c.lastMessage.find('{') == std::string::npos);
                QVERIFY(c.lastMessageAt.date() < kToday);
            }
            QVERIFY(d.cases.size() <= 4);
            for (const auto &c : d.cases)
                QVERIFY((c.status == "Active" || c.status == "Resolved") && !c.title.empty());
            QVERIFY(d.openOrders.size() <= 4);
            for (const auto &s : d.openOrders) {
                QVERIFY(s.status == "Open" || s.status == "Released");
                QVERIFY(s.orderDate <= kToday && s.orderDate > kToday.addDays(-30) && s.lineCount >= 1);
                QCOMPARE(s.customerNumber, account.accountNumber);
            }
        }
    }

    void customerMatchesAccount()
    {
        for (std::size_t i = 0; i < m_details.size(); ++i) {
            const auto &customer = m_details[i].customer;
            QCOMPARE(customer.number, m_world.accounts()[i].accountNumber);
            QCOMPARE(customer.name, m_world.accounts()[i].name);
            QVERIFY(customer.paymentTerms == "NET30" || customer.paymentTerms == "NET45" ||
                    customer.paymentTerms == "NET60");
            QVERIFY(customer.creditLimit >= 5000);
        }
    }

    void invoiceArithmetic()
    {
        for (const auto &d : m_details) {
            long long balance = 0, overdue = 0;
            QVERIFY(!d.invoices.empty());
            for (std::size_t k = 0; k < d.invoices.size(); ++k) {
                const auto &v = d.invoices[k];
                QCOMPARE(v.customerNumber, d.customer.number);
                QVERIFY(v.invoiceDate > kToday.addMonths(-36) && v.invoiceDate <= kToday);
                QVERIFY(v.dueDate > v.invoiceDate);
                if (k > 0)
                    QVERIFY(d.invoices[k - 1].invoiceDate <= v.invoiceDate);
                QVERIFY(v.lines.size() >= 1 && v.lines.size() <= 8);
                long long total = 0;
                for (const auto &l : v.lines) {
                    QCOMPARE(l.invoiceNumber, v.number);
                    QVERIFY(l.quantity >= 1 && l.quantity == std::floor(l.quantity));
                    QVERIFY(l.unitPrice > 0 && l.unitCost > 0 && l.freightCost >= 0);
                    QCOMPARE(l.amount, round2(l.quantity * l.unitPrice));
                    total += cents(l.amount);
                }
                QCOMPARE(cents(v.totalAmount), total);
                QVERIFY(v.remainingAmount >= 0 && cents(v.remainingAmount) <= total);
                if (v.invoiceDate < kToday.addDays(-200))
                    QCOMPARE(cents(v.remainingAmount), 0ll); // old invoices are paid
                balance += cents(v.remainingAmount);
                if (v.dueDate < kToday)
                    overdue += cents(v.remainingAmount);
            }
            QCOMPARE(cents(d.customer.balance), balance);
            QCOMPARE(cents(d.customer.overdueAmount), overdue);
        }
    }

    void contractPrices()
    {
        int expired = 0, future = 0, current = 0;
        for (const auto &d : m_details) {
            for (const auto &k : d.contractPrices) {
                QCOMPARE(k.customerNumber, d.customer.number);
                QCOMPARE(k.contractId, "K-" + d.customer.number + "-" + std::to_string(k.validFrom.year()));
                QVERIFY(k.validFrom <= k.validTo && k.unitPrice > 0);
                expired += k.validTo < kToday;
                future += k.validFrom > kToday;
                current += k.validFrom <= kToday && kToday <= k.validTo;
                for (const auto &other : d.contractPrices) // one valid contract per item and day
                    if (&other != &k && other.itemNumber == k.itemNumber)
                        QVERIFY(other.validTo < k.validFrom || k.validTo < other.validFrom);
            }
        }
        QVERIFY(expired > 0 && future > 0 && current > 0);
    }

    void pricingCasesPresent()
    {
        long long atContract = 0, below = 0, above = 0, noContract = 0, lines = 0;
        for (const auto &d : m_details) {
            for (const auto &v : d.invoices) {
                for (const auto &l : v.lines) {
                    ++lines;
                    const auto *contract = validContract(d, l.itemNumber, v.invoiceDate);
                    if (!contract)
                        ++noContract;
                    else if (cents(l.unitPrice) < cents(contract->unitPrice))
                        ++below;
                    else if (cents(l.unitPrice) > cents(contract->unitPrice))
                        ++above;
                    else
                        ++atContract;
                }
            }
        }
        QVERIFY(below > 0 && above > 0 && noContract > 0);
        QVERIFY(atContract * 2 > lines); // most lines are billed at the contract price
    }

    void offContractShareOfSpend()
    {
        const World standard(options(WorldSize::Default));
        double spend = 0, off = 0;
        for (std::size_t i = 0; i < standard.accounts().size(); i += 10) {
            const AccountDetail d = standard.detail(i);
            for (const auto &v : d.invoices)
                for (const auto &l : v.lines) {
                    spend += l.amount;
                    if (!validContract(d, l.itemNumber, v.invoiceDate))
                        off += l.amount;
                }
        }
        const double share = off / spend;
        QVERIFY2(share >= 0.10 && share <= 0.30, std::to_string(share).c_str());
    }

    void lookups()
    {
        for (std::size_t i : {std::size_t{0}, std::size_t{57}, m_world.accounts().size() - 1}) {
            const auto &account = m_world.accounts()[i];
            QCOMPARE(m_world.findAccountById(account.id), std::optional(i));
            QCOMPARE(m_world.findAccountByNumber(account.accountNumber), std::optional(i));
        }
        QVERIFY(!m_world.findAccountById("00000000-0000-4000-8000-000000000000"));
        QVERIFY(!m_world.findAccountById(""));
        QVERIFY(!m_world.findAccountByNumber("C00000"));
        QVERIFY(!m_world.findAccountByNumber(m_world.accounts().front().id));
    }

    void detailOutOfRange()
    {
        const AccountDetail empty = m_world.detail(m_world.accounts().size());
        QVERIFY(empty.contacts.empty() && empty.invoices.empty() && empty.customer.number.empty());
    }
};

QTEST_APPLESS_MAIN(TestWorld)
#include "tst_world.moc"
