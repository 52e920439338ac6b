// What a question names from the CRM's directory, for routes that pass the question on as words.
#include "assistant/mentionedcontext.h"

#include <QTest>

using namespace lakeshore;
using namespace lakeshore::assistant;

class MentionedContextTest : public QObject
{
    Q_OBJECT

private:
    sources::Directory m_directory{{{"t1", "Cleveland", "Northeast Ohio"}, {"t2", "Erie", "Pennsylvania"}},
                                   {{"o1", "Dana Smith", "", "Account Manager", false, "t1"}}};

private slots:
    void findsTerritoriesAndOwnersAsWholeWords()
    {
        auto needs = needsMentioned("gross margin in the CLEVELAND territory", m_directory);
        QCOMPARE(QString::fromStdString(needs.territory), QStringLiteral("Cleveland"));
        QVERIFY(needs.owner.empty());
        needs = needsMentioned("revenue of Dana Smith's accounts in Erie", m_directory);
        QCOMPARE(QString::fromStdString(needs.territory), QStringLiteral("Erie"));
        QCOMPARE(QString::fromStdString(needs.owner), QStringLiteral("Dana Smith"));
        // Part of a word is not a mention.
        QVERIFY(!needsMentioned("revenue in Eriesburg and Clevelanders", m_directory).any());
        QVERIFY(!needsMentioned("", m_directory).any());
    }

    void findsThisAccountOnlyWithoutATerritory()
    {
        QVERIFY(needsMentioned("margin for this account by month", m_directory).thisAccount);
        QVERIFY(!needsMentioned("this account versus Cleveland", m_directory).thisAccount);
    }

    void writesTheAccountsAsASentence()
    {
        CrmBinding binding;
        binding.scope = "in the Cleveland territory";
        binding.accountNumbers = {"C10001", "C10002"};
        QCOMPARE(
            QString::fromStdString(contextSentence(binding)),
            QStringLiteral("Context from the CRM: the accounts in the Cleveland territory are these account "
                           "numbers: C10001 C10002. Use only these accounts."));
    }
};

QTEST_GUILESS_MAIN(MentionedContextTest)
#include "tst_mentionedcontext.moc"
