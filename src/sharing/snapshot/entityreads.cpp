#include "sharing/snapshot/entityreads.h"

#include "sources/crmconnector.h"

#include <memory>

namespace lakeshore::sharing::snapshot {
namespace {

using sources::CrmConnector;

template <class T>
EntityRead entityRead(std::string entity,
                      void (CrmConnector::*readAll)(CancelToken, sources::Done<std::vector<T>>),
                      CrmTable (*toTable)(const std::vector<T> &))
{
    return {std::move(entity), [readAll, toTable](CrmConnector &crm, CancelToken cancel,
                                                  std::function<void(Result<TableBuilder>)> done) {
                (crm.*readAll)(cancel, [toTable, done = std::move(done)](Result<std::vector<T>> rows) {
                    if (!rows) {
                        done(rows.error());
                        return;
                    }
                    // Shared, since a std::function must be copyable and the records can be many.
                    auto records = std::make_shared<std::vector<T>>(std::move(rows.value()));
                    done(TableBuilder([toTable, records] { return toTable(*records); }));
                });
            }};
}

} // namespace

const std::vector<EntityRead> &entityReads()
{
    static const std::vector<EntityRead> reads = {
        entityRead<domain::Account>("accounts", &CrmConnector::allAccounts, accountsTable),
        entityRead<domain::Contact>("contacts", &CrmConnector::allContacts, contactsTable),
        entityRead<domain::Opportunity>("opportunities", &CrmConnector::allOpportunities, opportunitiesTable),
        entityRead<domain::Activity>("activities", &CrmConnector::allActivities, activitiesTable),
        entityRead<domain::Conversation>("conversations", &CrmConnector::allConversations,
                                         conversationsTable),
        entityRead<domain::Case>("cases", &CrmConnector::allCases, casesTable)};
    return reads;
}

} // namespace lakeshore::sharing::snapshot
