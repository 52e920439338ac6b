// SharingStore's audit trail of share-server requests, and the change counter the server polls.
#include "store/rowsupport.h"
#include "store/settingsstore.h"
#include "store/sharingrows.h"
#include "store/sharingstore.h"

namespace lakeshore::store {

using namespace sharingrows;

Status SharingStore::appendAudit(std::span<const AuditEvent> events)
{
    if (events.empty())
        return okStatus();
    sqlite::Database &db = *m_settings.m_db;
    Status done = inTransaction(db, [&]() -> Status {
        auto insertOne =
            db.prepare("INSERT INTO audit_event (at, tenant, recipient_id, recipient_name, "
                       "remote_address, method, endpoint, share, schema_name, table_name, version, "
                       "files, bytes, status, user_agent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                       "?9, ?10, ?11, ?12, ?13, ?14, ?15)");
        if (!insertOne)
            return insertOne.error();
        sqlite::Statement &s = insertOne.value();
        for (const AuditEvent &event : events) {
            s.reset();
            (void)s.bindInt(1, event.at);
            (void)s.bindText(2, event.tenant);
            (void)s.bindText(3, event.recipientId);
            (void)s.bindText(4, event.recipientName);
            (void)s.bindText(5, event.remoteAddress);
            (void)s.bindText(6, event.method);
            (void)s.bindText(7, event.endpoint);
            (void)s.bindText(8, event.share);
            (void)s.bindText(9, event.schema);
            (void)s.bindText(10, event.table);
            (void)bindOptional(s, 11, event.version);
            (void)s.bindInt(12, event.files);
            (void)s.bindInt(13, event.bytes);
            (void)s.bindInt(14, event.status);
            (void)s.bindText(15, event.userAgent.substr(0, 200));
            if (auto ran = run(s); !ran)
                return ran;
        }
        return okStatus();
    });
    if (done)
        ++m_ownWrites;
    return done;
}

Result<std::vector<AuditEvent>> SharingStore::audit(const AuditFilter &filter)
{
    if (filter.limit < 1 || filter.limit > 10000)
        return invalid("the audit list shows 1 to 10,000 rows");
    auto rows = m_settings.m_db->prepare(
        "SELECT id, at, tenant, recipient_id, recipient_name, remote_address, method, endpoint, share, "
        "schema_name, table_name, version, files, bytes, status, user_agent FROM audit_event "
        "WHERE (?1 = '' OR tenant = ?1) AND (?2 = '' OR recipient_id = ?2) "
        "AND (?3 = '' OR instr(lower(endpoint || ' ' || share || ' ' || schema_name || ' ' || "
        "table_name || ' ' || recipient_name || ' ' || remote_address), lower(?3)) > 0) "
        "AND (?4 = 0 OR status >= 400) AND (?5 IS NULL OR at >= ?5) AND (?6 IS NULL OR at <= ?6) "
        "ORDER BY at DESC, id DESC LIMIT ?7");
    if (!rows)
        return rows.error();
    sqlite::Statement &s = rows.value();
    (void)s.bindText(1, filter.tenant);
    (void)s.bindText(2, filter.recipientId);
    (void)s.bindText(3, filter.text);
    (void)s.bindInt(4, filter.failuresOnly ? 1 : 0);
    (void)bindOptional(s, 5, filter.since);
    (void)bindOptional(s, 6, filter.until);
    (void)s.bindInt(7, filter.limit);
    std::vector<AuditEvent> out;
    for (;;) {
        auto more = s.step();
        if (!more)
            return more.error();
        if (!more.value())
            return out;
        AuditEvent event;
        event.id = s.columnInt(0);
        event.at = s.columnInt(1);
        event.tenant = s.columnText(2);
        event.recipientId = s.columnText(3);
        event.recipientName = s.columnText(4);
        event.remoteAddress = s.columnText(5);
        event.method = s.columnText(6);
        event.endpoint = s.columnText(7);
        event.share = s.columnText(8);
        event.schema = s.columnText(9);
        event.table = s.columnText(10);
        event.version = optionalInt(s, 11);
        event.files = s.columnInt(12);
        event.bytes = s.columnInt(13);
        event.status = static_cast<int>(s.columnInt(14));
        event.userAgent = s.columnText(15);
        out.push_back(std::move(event));
    }
}

Result<std::int64_t> SharingStore::changeCounter()
{
    if (!m_dataVersion) {
        auto prepared = m_settings.m_db->prepare("PRAGMA data_version");
        if (!prepared)
            return prepared.error();
        m_dataVersion = std::make_unique<sqlite::Statement>(std::move(prepared.value()));
    }
    auto row = m_dataVersion->step();
    const std::int64_t version = row && row.value() ? m_dataVersion->columnInt(0) : -1;
    m_dataVersion->reset(); // no read transaction left open between requests
    if (!row)
        return row.error();
    if (version < 0)
        return makeError(ErrorKind::Storage, "PRAGMA data_version gave no row");
    return version * 1'000'000'000 + m_ownWrites;
}

} // namespace lakeshore::store
