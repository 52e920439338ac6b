<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Account360Controller</name>
    <message>
        <location filename="../ui/accounts/account360controller.cpp" line="+18"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opportunities</source>
        <translation>Verkaufschancen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Balance and credit</source>
        <translation>Saldo und Kredit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open orders</source>
        <translation>Offene Aufträge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent invoices</source>
        <translation>Letzte Rechnungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contract coverage</source>
        <translation>Vertragsabdeckung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ERP</source>
        <translation>ERP</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Not connected to the CRM and ERP yet.</source>
        <translation>Noch nicht mit CRM und ERP verbunden.</translation>
    </message>
</context>
<context>
    <name>Account360Header</name>
    <message>
        <location filename="../qml/Accounts/Account360Header.qml" line="+34"/>
        <source>Account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reading the account…</source>
        <translation>Konto wird gelesen…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Account number</source>
        <translation>Kontonummer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Territory</source>
        <translation>Gebiet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2, %3 %4</source>
        <translation>%1, %2, %3 %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Annual revenue</source>
        <translation>Jahresumsatz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Employees</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last modified in the CRM</source>
        <translation>Zuletzt im CRM geändert</translation>
    </message>
</context>
<context>
    <name>Account360Panel</name>
    <message>
        <location filename="../ui/accounts/account360panel.cpp" line="+17"/>
        <source>%1 · loading…</source>
        <translation>%1 · wird geladen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · read %2</source>
        <translation>%1 · gelesen um %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · failed %2</source>
        <translation>%1 · fehlgeschlagen um %2</translation>
    </message>
</context>
<context>
    <name>Account360View</name>
    <message>
        <location filename="../qml/Accounts/Account360View.qml" line="+21"/>
        <source>Select an account to read it live from the CRM and the ERP.</source>
        <translation>Wählen Sie ein Konto, um es live aus CRM und ERP zu lesen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>From the CRM</source>
        <translation>Aus dem CRM</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>From the ERP</source>
        <translation>Aus dem ERP</translation>
    </message>
</context>
<context>
    <name>AccountListModel</name>
    <message>
        <location filename="../ui/accounts/accountlistmodel.cpp" line="+205"/>
        <location line="+24"/>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
</context>
<context>
    <name>AccountListPane</name>
    <message>
        <location filename="../qml/Accounts/AccountListPane.qml" line="+52"/>
        <source>Search name, number or city</source>
        <translation>Name, Nummer oder Ort suchen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All territories</source>
        <translation>Alle Gebiete</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>All owners</source>
        <translation>Alle Besitzer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sort by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Account number</source>
        <translation>Kontonummer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Annual revenue</source>
        <translation>Jahresumsatz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Descending</source>
        <translation>Absteigend</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ascending</source>
        <translation>Aufsteigend</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading accounts from the CRM…</source>
        <translation>Konten werden aus dem CRM gelesen…</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n account(s)</source>
        <translation>
            <numerusform>%1 von %n Konto</numerusform>
            <numerusform>%1 von %n Konten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n Konto</numerusform>
            <numerusform>%n Konten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Load more</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No accounts match.</source>
        <translation>Keine passenden Konten.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connecting to the CRM…</source>
        <translation>Verbindung zum CRM wird hergestellt…</translation>
    </message>
</context>
<context>
    <name>AccountRow</name>
    <message>
        <location filename="../qml/Accounts/AccountRow.qml" line="+41"/>
        <source>%1 · %2, %3</source>
        <translation>%1 · %2, %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>ActivitiesPanel</name>
    <message>
        <location filename="../qml/Accounts/panels/ActivitiesPanel.qml" line="+10"/>
        <source>No activities.</source>
        <translation>Keine Aktivitäten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting</source>
        <translation>Besprechung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
</context>
<context>
    <name>AnswerCard</name>
    <message>
        <location filename="../qml/Assistant/AnswerCard.qml" line="+95"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n row(s) so far, reading the rest…</source>
        <translation>
            <numerusform>%Ln Zeile bisher, der Rest wird gelesen…</numerusform>
            <numerusform>%Ln Zeilen bisher, der Rest wird gelesen…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Double-click a row to open its account</source>
        <translation>Doppelklicken Sie auf eine Zeile, um ihr Konto zu öffnen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save as worklist…</source>
        <translation>Als Arbeitsliste speichern…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep this query as a worklist of accounts, read live whenever it is opened</source>
        <translation>Diese Abfrage als Arbeitsliste von Kunden behalten, bei jedem Öffnen live gelesen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The chart shows the first %1 of %2 rows, in the table&apos;s order.</source>
        <translation>Das Diagramm zeigt die ersten %1 von %2 Zeilen in der Reihenfolge der Tabelle.</translation>
    </message>
</context>
<context>
    <name>AssistantController</name>
    <message>
        <location filename="../ui/assistant/assistantcontroller.cpp" line="+69"/>
        <source>No lakehouse is connected. The assistant answers questions from a lakehouse over MCP; connect one in Settings → Lakehouse.</source>
        <translation>Kein Lakehouse verbunden. Der Assistent beantwortet Fragen über MCP aus einem Lakehouse; verbinden Sie eines unter Einstellungen → Lakehouse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The assistant could not start: %1. Check the connection in Settings → Lakehouse.</source>
        <translation>Der Assistent konnte nicht starten: %1. Prüfen Sie die Verbindung unter Einstellungen → Lakehouse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lakeshore is not connected, so the assistant cannot answer questions.</source>
        <translation>Lakeshore ist nicht verbunden, daher kann der Assistent keine Fragen beantworten.</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This row names no account.</source>
        <translation>Diese Zeile enthält kein Konto.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Looking up account %1 in the CRM…</source>
        <translation>Konto %1 wird im CRM gesucht…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not open account %1: %2</source>
        <translation>Konto %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>This answer has no rows of accounts to keep as a worklist.</source>
        <translation>Diese Antwort hat keine Kundenzeilen, die sich als Arbeitsliste behalten lassen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The query guard refused the SQL: %1</source>
        <translation>Der Abfrageschutz hat das SQL abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>AssistantError</name>
    <message>
        <location filename="../ui/assistant/assistanterror.cpp" line="+32"/>
        <source>The question was cancelled.</source>
        <translation>Die Frage wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lakeshore did not run this SQL: only one read-only SELECT is allowed.</source>
        <translation>Lakeshore hat dieses SQL nicht ausgeführt: Nur eine einzelne schreibgeschützte SELECT-Abfrage ist zulässig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The assistant could not answer this question.</source>
        <translation>Der Assistent konnte diese Frage nicht beantworten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The lakehouse reported an error.</source>
        <translation>Das Lakehouse hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>lakehouse</source>
        <translation>Lakehouse</translation>
    </message>
</context>
<context>
    <name>AssistantFactory</name>
    <message>
        <location filename="../ui/assistant/assistantfactory.cpp" line="+36"/>
        <source>Demo lakehouse</source>
        <translation>Demo-Lakehouse</translation>
    </message>
</context>
<context>
    <name>AssistantPage</name>
    <message>
        <location filename="../qml/Assistant/AssistantPage.qml" line="+59"/>
        <source>Export the rows as CSV</source>
        <translation>Zeilen als CSV exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The assistant needs a lakehouse</source>
        <translation>Der Assistent benötigt ein Lakehouse</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open Settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ask about your accounts: revenue, margin, items, contract coverage. The answer is read live from the lakehouse “%1”; nothing is kept after you close the window.</source>
        <translation>Fragen Sie zu Ihren Konten: Umsatz, Marge, Artikel, Vertragsabdeckung. Die Antwort wird live aus dem Lakehouse „%1“ gelesen; nach dem Schließen des Fensters wird nichts aufbewahrt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>For example:</source>
        <translation>Zum Beispiel:</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>This account: %1</source>
        <translation>Dieses Konto: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Questions about “this account” mean the account open on the Accounts page.</source>
        <translation>Fragen zu „diesem Konto“ beziehen sich auf das auf der Seite „Konten“ geöffnete Konto.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Ask a question, e.g. “top 10 accounts by revenue in Columbus”</source>
        <translation>Stellen Sie eine Frage, z. B. „Top 10 Konten nach Umsatz in Columbus“</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../ui/sharing/audittablemodel.cpp" line="+64"/>
        <source>(no valid token)</source>
        <translation>(kein gültiges Token)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share.schema.table</source>
        <translation>Freigabe.Schema.Tabelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>The audit trail could not be read: %1</source>
        <translation>Das Zugriffsprotokoll konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../qml/Sharing/AuditView.qml" line="+45"/>
        <source>All recipients</source>
        <translation>Alle Empfänger</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Filter by share, table, request or address</source>
        <translation>Nach Freigabe, Tabelle, Anfrage oder Adresse filtern</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Failures only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the audit trail again (F5)</source>
        <translation>Zugriffsprotokoll neu lesen (F5)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reading the audit trail…</source>
        <translation>Zugriffsprotokoll wird gelesen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing the newest %1 requests; more match. Narrow the filters or the time range to see older ones.</source>
        <translation>Die neuesten %1 Anfragen werden angezeigt; es gibt weitere Treffer. Schränken Sie Filter oder Zeitraum ein, um ältere zu sehen.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n request(s), newest first.</source>
        <translation>
            <numerusform>%n Anfrage, neueste zuerst.</numerusform>
            <numerusform>%n Anfragen, neueste zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+113"/>
        <source>No requests match these filters.</source>
        <translation>Keine Anfragen passen zu diesen Filtern.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No requests yet. Each request a recipient makes to the share server is listed here.</source>
        <translation>Noch keine Anfragen. Jede Anfrage eines Empfängers an den Freigabeserver wird hier aufgeführt.</translation>
    </message>
</context>
<context>
    <name>BuiltInWorklists</name>
    <message>
        <location filename="../ui/worklists/builtintext.cpp" line="+8"/>
        <source>Off-contract purchases</source>
        <translation>Käufe außerhalb des Vertrags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts that bought items no running contract covered, or were billed below or above their contract price, in the period.</source>
        <translation>Kunden, die im Zeitraum Artikel ohne laufenden Vertrag gekauft haben oder unter bzw. über ihrem Vertragspreis berechnet wurden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account number</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total spend</source>
        <translation>Gesamtumsatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off-contract spend</source>
        <translation>Umsatz außerhalb des Vertrags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off-contract %</source>
        <translation>Außerhalb des Vertrags %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leakage (below contract)</source>
        <translation>Preisabfluss (unter Vertrag)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overbilling (above contract)</source>
        <translation>Überberechnung (über Vertrag)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off-contract SKUs</source>
        <translation>Artikel außerhalb des Vertrags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last order</source>
        <translation>Letzte Bestellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last off-contract order</source>
        <translation>Letzte Bestellung außerhalb des Vertrags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract expiry</source>
        <translation>Vertragsende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spend</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average billed price</source>
        <translation>Durchschnittlich berechneter Preis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract price</source>
        <translation>Vertragspreis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoice lines</source>
        <translation>Rechnungszeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last invoiced</source>
        <translation>Zuletzt berechnet</translation>
    </message>
</context>
<context>
    <name>CasesPanel</name>
    <message>
        <location filename="../qml/Accounts/panels/CasesPanel.qml" line="+10"/>
        <source>No cases.</source>
        <translation>Keine Fälle.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2 priority · opened %3</source>
        <translation>%1 · Priorität %2 · erstellt am %3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../qml/Sharing/ConfirmDialog.qml" line="+62"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ConnectionEditor</name>
    <message>
        <location filename="../qml/Settings/ConnectionEditor.qml" line="+25"/>
        <source>Service URL</source>
        <translation>Dienst-URL</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Basic (user and password)</source>
        <translation>Basic (Benutzer und Kennwort)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OAuth2 client credentials</source>
        <translation>OAuth2-Clientanmeldedaten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Token URL</source>
        <translation>Token-URL</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>https://login.example.com/tenant/oauth2/v2.0/token</source>
        <translation>https://login.example.com/tenant/oauth2/v2.0/token</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client secret</source>
        <translation>Geheimer Clientschlüssel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>•••••••• stored encrypted; type to replace</source>
        <translation>•••••••• verschlüsselt gespeichert; zum Ersetzen eingeben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <location filename="../ui/settings/connectionform.cpp" line="+35"/>
        <source>%1: the service URL must start with http:// or https:// and name a host.</source>
        <translation>%1: Die Dienst-URL muss mit http:// oder https:// beginnen und einen Host angeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the timeout must be between 1 and 300 seconds.</source>
        <translation>%1: Das Zeitlimit muss zwischen 1 und 300 Sekunden liegen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: enter the bearer token.</source>
        <translation>%1: Geben Sie das Bearer-Token ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: enter the user name and password.</source>
        <translation>%1: Geben Sie Benutzername und Kennwort ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: enter the client ID and client secret.</source>
        <translation>%1: Geben Sie Client-ID und geheimen Clientschlüssel ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the token URL must start with http:// or https://.</source>
        <translation>%1: Die Token-URL muss mit http:// oder https:// beginnen.</translation>
    </message>
</context>
<context>
    <name>ConnectionsController</name>
    <message>
        <location filename="../ui/settings/connectionscontroller.cpp" line="+63"/>
        <location line="+151"/>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location line="-150"/>
        <location line="+150"/>
        <source>ERP</source>
        <translation>ERP</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>The saved connections could not be read: %1</source>
        <translation>Die gespeicherten Verbindungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The connections were not saved: %1</source>
        <translation>Die Verbindungen wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved. Lakeshore now reads the demo tenant.</source>
        <translation>Gespeichert. Lakeshore liest jetzt aus der Demo-Umgebung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved. Lakeshore now reads the CRM and ERP you configured.</source>
        <translation>Gespeichert. Lakeshore liest jetzt aus dem konfigurierten CRM und ERP.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Connected in %1 ms: %n entity set(s).</source>
        <translation>
            <numerusform>In %1 ms verbunden: %n Entitätsmenge.</numerusform>
            <numerusform>In %1 ms verbunden: %n Entitätsmengen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionsSettings</name>
    <message>
        <location filename="../qml/Settings/ConnectionsSettings.qml" line="+30"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lakeshore reads accounts live from these services and keeps no copy of their data. Secrets are stored encrypted in %1.</source>
        <translation>Lakeshore liest Konten live aus diesen Diensten und speichert keine Kopie ihrer Daten. Zugangsdaten werden verschlüsselt in %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Use the embedded demo tenant</source>
        <translation>Eingebettete Demo-Umgebung verwenden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Demo CRM: %1
Demo ERP: %2</source>
        <translation>Demo-CRM: %1
Demo-ERP: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <location filename="../qml/Accounts/panels/ContactsPanel.qml" line="+10"/>
        <source>No contacts.</source>
        <translation>Keine Kontakte.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (primary)</source>
        <translation>%1 (Hauptkontakt)</translation>
    </message>
</context>
<context>
    <name>ContractCoveragePanel</name>
    <message numerus="yes">
        <location filename="../qml/Accounts/panels/ContractCoveragePanel.qml" line="+19"/>
        <source>%n item(s) under contract · nearest expiry %1</source>
        <translation>
            <numerusform>%n Artikel unter Vertrag · nächster Ablauf %1</numerusform>
            <numerusform>%n Artikel unter Vertrag · nächster Ablauf %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No contract is valid today.</source>
        <translation>Heute ist kein Vertrag gültig.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of the last 12 months&apos; spend (%2) billed at contract price</source>
        <translation>%1 des Umsatzes der letzten 12 Monate (%2) zum Vertragspreis abgerechnet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Off contract</source>
        <translation>Ohne Vertrag</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leakage</source>
        <translation>Mindererlös</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overbilling</source>
        <translation>Überberechnung</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n contract price(s) expire within 90 days.</source>
        <translation>
            <numerusform>%n Vertragspreis läuft innerhalb von 90 Tagen ab.</numerusform>
            <numerusform>%n Vertragspreise laufen innerhalb von 90 Tagen ab.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message numerus="yes">
        <location filename="../ui/assistant/conversationmodel.cpp" line="+70"/>
        <source>(%n more character(s) the lakehouse sent are not shown.)</source>
        <translation>
            <numerusform>(%Ln weiteres Zeichen, das das Lakehouse gesendet hat, wird nicht angezeigt.)</numerusform>
            <numerusform>(%Ln weitere Zeichen, die das Lakehouse gesendet hat, werden nicht angezeigt.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+206"/>
        <source>Only the first %n row(s) could be read: %1</source>
        <translation>
            <numerusform>Nur die erste Zeile konnte gelesen werden: %1</numerusform>
            <numerusform>Nur die ersten %Ln Zeilen konnten gelesen werden: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+84"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading the accounts it needs from the CRM…</source>
        <translation>Benötigte Konten werden aus dem CRM gelesen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running the query on the lakehouse…</source>
        <translation>Abfrage wird im Lakehouse ausgeführt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Asking the language model…</source>
        <translation>Sprachmodell wird befragt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for the lakehouse&apos;s assistant…</source>
        <translation>Warten auf den Assistenten des Lakehouse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the question…</source>
        <translation>Frage wird gelesen…</translation>
    </message>
</context>
<context>
    <name>ConversationsPanel</name>
    <message>
        <location filename="../qml/Accounts/panels/ConversationsPanel.qml" line="+10"/>
        <source>No conversations.</source>
        <translation>Keine Unterhaltungen.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2 · “%3”</source>
        <translation>%1 · %2 · „%3“</translation>
    </message>
</context>
<context>
    <name>CreditPanel</name>
    <message>
        <location filename="../qml/Accounts/panels/CreditPanel.qml" line="+24"/>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Credit limit</source>
        <translation>Kreditlimit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 of the credit limit used · terms %2</source>
        <translation>%1 des Kreditlimits ausgeschöpft · Zahlungsbedingung %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The customer is blocked in the ERP.</source>
        <translation>Der Debitor ist im ERP gesperrt.</translation>
    </message>
</context>
<context>
    <name>DrillDownPane</name>
    <message>
        <location filename="../qml/Worklists/DrillDownPane.qml" line="+24"/>
        <source>Lines of %1</source>
        <translation>Zeilen von %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>EditWorklistDialog</name>
    <message>
        <location filename="../qml/Worklists/EditWorklistDialog.qml" line="+29"/>
        <source>New worklist</source>
        <translation>Neue Arbeitsliste</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Edit worklist</source>
        <translation>Arbeitsliste bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save a copy of the worklist</source>
        <translation>Eine Kopie der Arbeitsliste speichern</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Description (optional)</source>
        <translation>Beschreibung (optional)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SQL: one SELECT whose rows are accounts. {{period_start}} and {{period_end}} become the chosen period&apos;s dates.</source>
        <translation>SQL: ein SELECT, dessen Zeilen Kunden sind. {{period_start}} und {{period_end}} werden zu den Daten des gewählten Zeitraums.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Column holding the account number or CRM id</source>
        <translation>Spalte mit der Kundennummer oder CRM-ID</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Shared: everyone using this Lakeshore settings store sees it</source>
        <translation>Geteilt: alle, die diesen Lakeshore-Einstellungsspeicher nutzen, sehen sie</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/core/errortext.cpp" line="+12"/>
        <source>Could not reach the %1.</source>
        <translation>Das %1 ist nicht erreichbar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 did not answer in time.</source>
        <translation>Das %1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The read from the %1 was cancelled.</source>
        <translation>Das Lesen aus dem %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 answered with an unexpected status.</source>
        <translation>Das %1 hat mit einem unerwarteten Status geantwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 reported an error.</source>
        <translation>Das %1 hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 did not accept the credentials. Check Settings → Connections.</source>
        <translation>Das %1 hat die Anmeldedaten nicht akzeptiert. Prüfen Sie Einstellungen → Verbindungen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 is busy and asked us to slow down.</source>
        <translation>Das %1 ist ausgelastet und bittet um weniger Anfragen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 sent a reply Lakeshore cannot read.</source>
        <translation>Das %1 hat eine Antwort gesendet, die Lakeshore nicht lesen kann.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 sent more data than Lakeshore accepts in one reply.</source>
        <translation>Das %1 hat mehr Daten gesendet, als Lakeshore in einer Antwort annimmt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 kept sending the same page of results.</source>
        <translation>Das %1 hat wiederholt dieselbe Ergebnisseite gesendet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The local settings could not be read or written.</source>
        <translation>Die lokalen Einstellungen konnten nicht gelesen oder geschrieben werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request to the %1 was not valid.</source>
        <translation>Die Anfrage an das %1 war ungültig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 has no such record.</source>
        <translation>Das %1 enthält keinen solchen Datensatz.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../qml/Worklists/FilterBar.qml" line="+29"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Column to filter</source>
        <translation>Zu filternde Spalte</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add filter</source>
        <translation>Filter hinzufügen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Match all (AND)</source>
        <translation>Alle erfüllt (UND)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Match any (OR)</source>
        <translation>Eine erfüllt (ODER)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Remove this filter</source>
        <translation>Diesen Filter entfernen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clear filters</source>
        <translation>Filter löschen</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../qml/Worklists/FollowUpDialog.qml" line="+20"/>
        <source>Create follow-up tasks</source>
        <translation>Nachfassaufgaben anlegen</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>One task per selected account (%n account(s)), assigned to the account&apos;s owner in the CRM. The account&apos;s figures from this worklist go into the task&apos;s description.</source>
        <translation>
            <numerusform>Eine Aufgabe je ausgewähltem Kunden (%n Kunde), dem Kundenverantwortlichen im CRM zugewiesen. Die Zahlen des Kunden aus dieser Arbeitsliste stehen in der Beschreibung der Aufgabe.</numerusform>
            <numerusform>Eine Aufgabe je ausgewähltem Kunden (%n Kunden), dem jeweiligen Kundenverantwortlichen im CRM zugewiesen. Die Zahlen des Kunden aus dieser Arbeitsliste stehen in der Beschreibung der Aufgabe.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Due date</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Notes (optional)</source>
        <translation>Notizen (optional)</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Create %n task(s)</source>
        <translation>
            <numerusform>%n Aufgabe anlegen</numerusform>
            <numerusform>%n Aufgaben anlegen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../qml/Components/Format.qml" line="+13"/>
        <source>$%1M</source>
        <translation>%1 Mio. $</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>$%1K</source>
        <translation>%1 Tsd. $</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
</context>
<context>
    <name>IssuedProfile</name>
    <message>
        <location filename="../ui/sharing/issuedprofile.cpp" line="+68"/>
        <source>The previous token stopped working.</source>
        <translation>Das bisherige Token funktioniert nicht mehr.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The previous token works until %1 at the latest.</source>
        <translation>Das bisherige Token funktioniert höchstens bis %1.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Only files on this computer can be written: %1</source>
        <translation>Nur Dateien auf diesem Computer können geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved to %1 (readable by you only).</source>
        <translation>In %1 gespeichert (nur für Sie lesbar).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not save %1: %2.</source>
        <translation>%1 konnte nicht gespeichert werden: %2.</translation>
    </message>
</context>
<context>
    <name>LakehouseConnectionDialog</name>
    <message>
        <location filename="../qml/Settings/LakehouseConnectionDialog.qml" line="+28"/>
        <source>Add lakehouse connection</source>
        <translation>Lakehouse-Verbindung hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit lakehouse connection</source>
        <translation>Lakehouse-Verbindung bearbeiten</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. Sales lakehouse</source>
        <translation>z. B. Vertriebs-Lakehouse</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>MCP server</source>
        <translation>MCP-Server</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a server</source>
        <translation>Server auswählen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SQL is written by</source>
        <translation>SQL wird erstellt von</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lakeshore&apos;s semantic model (offline)</source>
        <translation>Semantisches Modell von Lakeshore (offline)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>An LLM (OpenAI-compatible API)</source>
        <translation>Einem LLM (OpenAI-kompatible API)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The server&apos;s own natural-language tool (Genie, Cortex Analyst)</source>
        <translation>Dem eigenen Natural-Language-Tool des Servers (Genie, Cortex Analyst)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Plans with the semantic model shipped for the demo mart, so the server must serve that mart&apos;s tables.</source>
        <translation>Plant mit dem semantischen Modell, das für den Demo-Mart mitgeliefert wird; der Server muss daher die Tabellen dieses Marts bereitstellen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SQL tool</source>
        <translation>SQL-Tool</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>detect (e.g. execute_sql)</source>
        <translation>automatisch erkennen (z. B. execute_sql)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SQL argument</source>
        <translation>SQL-Argument</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>detect (e.g. sql, statement, query)</source>
        <translation>automatisch erkennen (z. B. sql, statement, query)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SQL dialect</source>
        <translation>SQL-Dialekt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generic</source>
        <translation>Generisch</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>_meta</source>
        <translation>_meta</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>optional JSON object sent with each call, e.g. {&quot;warehouse_id&quot;: &quot;…&quot;}</source>
        <translation>optionales JSON-Objekt, das bei jedem Aufruf mitgesendet wird, z. B. {&quot;warehouse_id&quot;: &quot;…&quot;}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Max rows</source>
        <translation>Max. Zeilen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>LLM base URL</source>
        <translation>LLM-Basis-URL</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>https://api.openai.com/v1 or http://localhost:11434/v1</source>
        <translation>https://api.openai.com/v1 oder http://localhost:11434/v1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. gpt-4.1</source>
        <translation>z. B. gpt-4.1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>•••••••• stored encrypted; type to replace</source>
        <translation>•••••••• verschlüsselt gespeichert; zum Ersetzen eingeben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>optional for a local model</source>
        <translation>optional bei einem lokalen Modell</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel test</source>
        <translation>Test abbrechen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>LakehouseForm</name>
    <message>
        <location filename="../ui/settings/lakehouseform.cpp" line="+35"/>
        <source>Choose the MCP server this connection runs its SQL on.</source>
        <translation>Wählen Sie den MCP-Server, auf dem diese Verbindung ihr SQL ausführt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the connection: %1</source>
        <translation>Prüfen Sie die Verbindung: %1</translation>
    </message>
</context>
<context>
    <name>LakehouseSettings</name>
    <message>
        <location filename="../qml/Settings/LakehouseSettings.qml" line="+21"/>
        <source>LLM writes the SQL</source>
        <translation>LLM erstellt das SQL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server&apos;s own natural-language tool</source>
        <translation>eigenes Natural-Language-Tool des Servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>semantic model writes the SQL</source>
        <translation>semantisches Modell erstellt das SQL</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Generic</source>
        <translation>Generisch</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Lakehouse</source>
        <translation>Lakehouse</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The assistant answers questions by running read-only SQL on your lakehouse through an MCP server: Databricks, Snowflake, or any SQL MCP server. Nothing it reads is stored. Secrets are stored encrypted in %1 and are never shown again.</source>
        <translation>Der Assistent beantwortet Fragen, indem er schreibgeschütztes SQL über einen MCP-Server in Ihrem Lakehouse ausführt: Databricks, Snowflake oder ein beliebiger SQL-MCP-Server. Gelesene Daten werden nicht gespeichert. Zugangsdaten werden verschlüsselt in %1 gespeichert und nie wieder angezeigt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>MCP servers</source>
        <translation>MCP-Server</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No MCP servers yet. Add one, or import the mcpServers JSON of Claude Desktop, Cursor or VS Code.</source>
        <translation>Noch keine MCP-Server. Fügen Sie einen hinzu oder importieren Sie das mcpServers-JSON von Claude Desktop, Cursor oder VS Code.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Add server…</source>
        <translation>Server hinzufügen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lakehouse connection used by the assistant</source>
        <translation>Vom Assistenten verwendete Lakehouse-Verbindung</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The embedded demo lakehouse</source>
        <translation>Das eingebettete Demo-Lakehouse</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add connection…</source>
        <translation>Verbindung hinzufügen…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Remove the MCP server?</source>
        <translation>MCP-Server entfernen?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the lakehouse connection?</source>
        <translation>Lakehouse-Verbindung entfernen?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” will be removed with its stored secrets.</source>
        <translation>„%1“ wird mitsamt den gespeicherten Zugangsdaten entfernt.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="+27"/>
        <source>Lakeshore — demo tenant</source>
        <translation>Lakeshore — Demo-Umgebung</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+42"/>
        <source>Lakeshore</source>
        <translation>Lakeshore</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Demo tenant</source>
        <translation>Demo-Umgebung</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Live: CRM and ERP</source>
        <translation>Live: CRM und ERP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sharing</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Worklists</source>
        <translation>Arbeitslisten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
</context>
<context>
    <name>McpImport</name>
    <message>
        <location filename="../ui/settings/mcpimport.cpp" line="+27"/>
        <source>Not added: %1</source>
        <translation>Nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>pasted text</source>
        <translation>eingefügter Text</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is larger than 1 MB; that is not an MCP configuration file.</source>
        <translation>%1 ist größer als 1 MB; das ist keine MCP-Konfigurationsdatei.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>McpImportDialog</name>
    <message>
        <location filename="../qml/Settings/McpImportDialog.qml" line="+27"/>
        <source>Import MCP servers</source>
        <translation>MCP-Server importieren</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose an MCP configuration file</source>
        <translation>MCP-Konfigurationsdatei auswählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON files (*.json *.jsonc)</source>
        <translation>JSON-Dateien (*.json *.jsonc)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reads the &quot;mcpServers&quot; of Claude Desktop, Claude Code or Cursor, or the &quot;servers&quot; of VS Code&apos;s mcp.json. ${VAR} references are filled in from the environment. Nothing is started until you test or use a server.</source>
        <translation>Liest die &quot;mcpServers&quot; von Claude Desktop, Claude Code oder Cursor oder die &quot;servers&quot; aus der mcp.json von VS Code. ${VAR}-Verweise werden aus der Umgebung ersetzt. Es wird nichts gestartet, bis Sie einen Server testen oder verwenden.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose file…</source>
        <translation>Datei auswählen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>or paste the JSON below</source>
        <translation>oder fügen Sie das JSON unten ein</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 cannot be imported: %2</source>
        <translation>%1 kann nicht importiert werden: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>From %1: %n server(s) to add.</source>
        <translation>
            <numerusform>Aus %1: %n Server wird hinzugefügt.</numerusform>
            <numerusform>Aus %1: %n Server werden hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 — will be added</source>
        <translation>%1 — wird hinzugefügt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 — not added</source>
        <translation>%1 — nicht hinzugefügt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Will run: %1</source>
        <translation>Wird ausgeführt: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connects to: %1</source>
        <translation>Verbindet mit: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>I have read the commands above and trust them to run on this computer as me.</source>
        <translation>Ich habe die obigen Befehle gelesen und vertraue darauf, dass sie auf diesem Computer unter meinem Benutzerkonto ausgeführt werden dürfen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>I trust these servers with the questions the assistant sends them.</source>
        <translation>Ich vertraue diesen Servern die Fragen an, die der Assistent ihnen sendet.</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Add %n server(s)</source>
        <translation>
            <numerusform>%n Server hinzufügen</numerusform>
            <numerusform>%n Server hinzufügen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add servers</source>
        <translation>Server hinzufügen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>McpServerDialog</name>
    <message>
        <location filename="../qml/Settings/McpServerDialog.qml" line="+28"/>
        <source>Add MCP server</source>
        <translation>MCP-Server hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit MCP server</source>
        <translation>MCP-Server bearbeiten</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. Databricks SQL</source>
        <translation>z. B. Databricks SQL</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Local program (stdio)</source>
        <translation>Lokales Programm (stdio)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remote endpoint (Streamable HTTP)</source>
        <translation>Remote-Endpunkt (Streamable HTTP)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>npx, uvx, docker, or a full path</source>
        <translation>npx, uvx, docker oder ein vollständiger Pfad</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>one per line, e.g.
-y
@bytebase/dbhub</source>
        <translation>eines pro Zeile, z. B.
-y
@bytebase/dbhub</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Working folder</source>
        <translation>Arbeitsordner</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>optional; an absolute path</source>
        <translation>optional; ein absoluter Pfad</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>VARIABLE</source>
        <translation>VARIABLE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add variable</source>
        <translation>Variable hinzufügen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>https://&lt;workspace&gt;/api/2.0/mcp/sql</source>
        <translation>https://&lt;workspace&gt;/api/2.0/mcp/sql</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>•••••••• stored encrypted; type to replace</source>
        <translation>•••••••• verschlüsselt gespeichert; zum Ersetzen eingeben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Header-Name</source>
        <translation>Header-Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add header</source>
        <translation>Header hinzufügen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Will run</source>
        <translation>Wird ausgeführt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connects to</source>
        <translation>Verbindet mit</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancel test</source>
        <translation>Test abbrechen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>McpServerForm</name>
    <message>
        <location filename="../ui/settings/mcpserverform.cpp" line="+99"/>
        <source>The environment variable “%1” is listed twice.</source>
        <translation>Die Umgebungsvariable „%1“ ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The header “%1” is listed twice.</source>
        <translation>Der Header „%1“ ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the server: %1</source>
        <translation>Prüfen Sie den Server: %1</translation>
    </message>
</context>
<context>
    <name>McpServerRow</name>
    <message>
        <location filename="../qml/Settings/McpServerRow.qml" line="+45"/>
        <source>Streamable HTTP</source>
        <translation>Streamable HTTP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>local program</source>
        <translation>lokales Programm</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Used by: %1</source>
        <translation>Verwendet von: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot be read: %1</source>
        <translation>Nicht lesbar: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>McpServersController</name>
    <message numerus="yes">
        <location filename="../ui/settings/lakehouseactions.cpp" line="+35"/>
        <source>Connected to %1 (MCP %2): %n tool(s).</source>
        <translation>
            <numerusform>Verbunden mit %1 (MCP %2): %n Tool.</numerusform>
            <numerusform>Verbunden mit %1 (MCP %2): %n Tools.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The SQL tool “%1” is there.</source>
        <translation>Das SQL-Tool „%1“ ist vorhanden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It has no tool named “%1”.</source>
        <translation>Es gibt kein Tool namens „%1“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None of its tools looks like a SQL tool; name the SQL tool.</source>
        <translation>Keines seiner Tools sieht wie ein SQL-Tool aus; geben Sie das SQL-Tool an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SQL tool candidates: %1.</source>
        <translation>Mögliche SQL-Tools: %1.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The connection was not saved: the stored API key is gone; type it again.</source>
        <translation>Die Verbindung wurde nicht gespeichert: Der gespeicherte API-Schlüssel ist nicht mehr vorhanden; geben Sie ihn erneut ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection was not saved: %1</source>
        <translation>Die Verbindung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection was saved but not chosen: %1</source>
        <translation>Die Verbindung wurde gespeichert, aber nicht ausgewählt: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved the lakehouse connection “%1”.</source>
        <translation>Lakehouse-Verbindung „%1“ gespeichert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The connection was not removed: %1</source>
        <translation>Die Verbindung wurde nicht entfernt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removed the lakehouse connection.</source>
        <translation>Lakehouse-Verbindung entfernt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The connection was not chosen: %1</source>
        <translation>Die Verbindung wurde nicht ausgewählt: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The assistant now uses the embedded demo lakehouse.</source>
        <translation>Der Assistent verwendet jetzt das eingebettete Demo-Lakehouse.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The assistant now uses the chosen lakehouse connection.</source>
        <translation>Der Assistent verwendet jetzt die ausgewählte Lakehouse-Verbindung.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../ui/settings/mcpserverscontroller.cpp" line="+253"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../ui/settings/mcpserverscontroller.cpp" line="+11"/>
        <source>MCP server</source>
        <translation>MCP-Server</translation>
    </message>
    <message>
        <location filename="../ui/settings/mcpserverscontroller.cpp" line="-188"/>
        <source>The MCP servers could not be read: %1</source>
        <translation>Die MCP-Server konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>the settings store is not open</source>
        <translation>der Einstellungsspeicher ist nicht geöffnet</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+2"/>
        <source>The server was not saved: %1</source>
        <translation>Der Server wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved the MCP server “%1”.</source>
        <translation>MCP-Server „%1“ gespeichert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The server was not removed: %1</source>
        <translation>Der Server wurde nicht entfernt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removed the MCP server.</source>
        <translation>MCP-Server entfernt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+2"/>
        <source>The test was cancelled.</source>
        <translation>Der Test wurde abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Connected to %1 (MCP %2) in %3 ms: %n tool(s).</source>
        <translation>
            <numerusform>In %3 ms mit %1 (MCP %2) verbunden: %n Tool.</numerusform>
            <numerusform>In %3 ms mit %1 (MCP %2) verbunden: %n Tools.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n server(s) could not be added: %1</source>
        <translation>
            <numerusform>%n Server konnte nicht hinzugefügt werden: %1</numerusform>
            <numerusform>%n Server konnten nicht hinzugefügt werden: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Added %n MCP server(s).</source>
        <translation>
            <numerusform>%n MCP-Server hinzugefügt.</numerusform>
            <numerusform>%n MCP-Server hinzugefügt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenOrdersPanel</name>
    <message>
        <location filename="../qml/Accounts/panels/OpenOrdersPanel.qml" line="+10"/>
        <source>No open orders.</source>
        <translation>Keine offenen Aufträge.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%1 · ordered %2 · wanted %3 · %n line(s)</source>
        <translation>
            <numerusform>%1 · bestellt am %2 · Wunschtermin %3 · %n Position</numerusform>
            <numerusform>%1 · bestellt am %2 · Wunschtermin %3 · %n Positionen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpportunitiesPanel</name>
    <message>
        <location filename="../qml/Accounts/panels/OpportunitiesPanel.qml" line="+10"/>
        <source>No opportunities.</source>
        <translation>Keine Verkaufschancen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 · %2 % · closes %3</source>
        <translation>%1 · %2 % · Abschluss am %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <location filename="../qml/Components/Panel.qml" line="+15"/>
        <source>Nothing to show.</source>
        <translation>Nichts anzuzeigen.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Show fewer</source>
        <translation>Weniger anzeigen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show all %1</source>
        <translation>Alle %1 anzeigen</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../qml/Sharing/PreviewDialog.qml" line="+23"/>
        <source>What “%1” sees</source>
        <translation>Was „%1“ sieht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Preview as recipient</source>
        <translation>Vorschau als Empfänger</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reading the shares through the protocol…</source>
        <translation>Freigaben werden über das Protokoll gelesen…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This profile sees no tables: no share with tables is granted to its recipient.</source>
        <translation>Dieses Profil sieht keine Tabellen: Seinem Empfänger ist keine Freigabe mit Tabellen gewährt.</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>version %1 · %Ln rows</source>
        <translation>
            <numerusform>Version %1 · %Ln Zeile</numerusform>
            <numerusform>Version %1 · %Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%Ln files</source>
        <translation>
            <numerusform>%Ln Datei</numerusform>
            <numerusform>%Ln Dateien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../qml/Sharing/ProfileDialog.qml" line="+38"/>
        <source>Profile for “%1”</source>
        <translation>Profil für „%1“</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save the profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delta Sharing profiles (*.share)</source>
        <translation>Delta-Sharing-Profile (*.share)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This is the only time the token is shown. Copy the profile or save it as a file now, and hand it to the recipient over a safe channel. Lakeshore keeps only the token&apos;s hash.</source>
        <translation>Das Token wird nur dieses eine Mal angezeigt. Kopieren Sie das Profil oder speichern Sie es jetzt als Datei und geben Sie es dem Empfänger über einen sicheren Weg. Lakeshore speichert nur den Hash des Tokens.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The token works until %1.</source>
        <translation>Das Token funktioniert bis %1.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Copy to clipboard</source>
        <translation>In die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Preview as recipient</source>
        <translation>Vorschau als Empfänger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the shares with this profile through the share server, as the recipient will.</source>
        <translation>Die Freigaben mit diesem Profil über den Freigabeserver lesen, so wie der Empfänger es tun wird.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Close without keeping the profile?</source>
        <translation>Schließen, ohne das Profil zu behalten?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The token cannot be shown again. Without the profile the recipient cannot use it, and you would have to rotate the token.</source>
        <translation>Das Token kann nicht erneut angezeigt werden. Ohne das Profil kann der Empfänger es nicht verwenden, und Sie müssten das Token erneuern.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Close anyway</source>
        <translation>Trotzdem schließen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Go back</source>
        <translation>Zurück</translation>
    </message>
</context>
<context>
    <name>RecentInvoicesPanel</name>
    <message>
        <location filename="../qml/Accounts/panels/RecentInvoicesPanel.qml" line="+10"/>
        <source>No invoices.</source>
        <translation>Keine Rechnungen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 · due %2 · %3 open</source>
        <translation>%1 · fällig am %2 · %3 offen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · paid</source>
        <translation>%1 · bezahlt</translation>
    </message>
</context>
<context>
    <name>RecipientDialog</name>
    <message>
        <location filename="../qml/Sharing/RecipientDialog.qml" line="+29"/>
        <source>New recipient</source>
        <translation>Neuer Empfänger</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit recipient</source>
        <translation>Empfänger bearbeiten</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. Contoso analytics</source>
        <translation>z. B. Contoso Analytics</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>optional, e.g. who to call about it</source>
        <translation>optional, z. B. wer Ansprechpartner ist</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Shares</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There are no shares yet; grant them later.</source>
        <translation>Es gibt noch keine Freigaben; gewähren Sie sie später.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>IP allow-list</source>
        <translation>IP-Zulassungsliste</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>one address or CIDR range per line, e.g.
203.0.113.0/24
2001:db8::/32
empty: any address</source>
        <translation>eine Adresse oder ein CIDR-Bereich pro Zeile, z. B.
203.0.113.0/24
2001:db8::/32
leer: jede Adresse</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Create and issue token…</source>
        <translation>Anlegen und Token ausstellen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>RecipientForm</name>
    <message>
        <location filename="../ui/sharing/recipientform.cpp" line="+79"/>
        <source>A recipient&apos;s name has at most %1 characters.</source>
        <translation>Der Name eines Empfängers hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A recipient&apos;s name may not contain control characters.</source>
        <translation>Der Name eines Empfängers darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>An IP allow-list holds at most %1 entries.</source>
        <translation>Eine IP-Zulassungsliste hat höchstens %1 Einträge.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Give the recipient a name.</source>
        <translation>Geben Sie dem Empfänger einen Namen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IP allow-list: %1</source>
        <translation>IP-Zulassungsliste: %1</translation>
    </message>
</context>
<context>
    <name>RecipientListModel</name>
    <message>
        <location filename="../ui/sharing/recipientlistmodel.cpp" line="+37"/>
        <source>Token works until %1</source>
        <translation>Token funktioniert bis %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The previous token works until %1</source>
        <translation>Das bisherige Token funktioniert bis %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Token revoked %1</source>
        <translation>Token widerrufen am %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token expired %1</source>
        <translation>Token abgelaufen am %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No token issued yet</source>
        <translation>Noch kein Token ausgestellt</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No token</source>
        <translation>Kein Token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expiring</source>
        <translation>Läuft bald ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
</context>
<context>
    <name>RecipientRow</name>
    <message>
        <location filename="../qml/Sharing/RecipientRow.qml" line="+76"/>
        <source>Shares: %1</source>
        <translation>Freigaben: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No shares granted: the recipient sees nothing.</source>
        <translation>Keine Freigaben gewährt: Der Empfänger sieht nichts.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From: %1</source>
        <translation>Von: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From any address</source>
        <translation>Von jeder Adresse</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Issue token…</source>
        <translation>Token ausstellen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rotate…</source>
        <translation>Erneuern…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Revoke…</source>
        <translation>Widerrufen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
</context>
<context>
    <name>RecipientsView</name>
    <message>
        <location filename="../qml/Sharing/RecipientsView.qml" line="+26"/>
        <source>A recipient reads the shares granted to it with a bearer token, handed over once as a config.share profile. Lakeshore keeps only the token&apos;s hash: a lost token is rotated, not shown again.</source>
        <translation>Ein Empfänger liest die ihm gewährten Freigaben mit einem Bearer-Token, das einmalig als config.share-Profil übergeben wird. Lakeshore speichert nur den Hash des Tokens: Ein verlorenes Token wird erneuert, nicht erneut angezeigt.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New recipient…</source>
        <translation>Neuer Empfänger…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New recipient (%1)</source>
        <translation>Neuer Empfänger (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview with a profile…</source>
        <translation>Vorschau mit einem Profil…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a config.share file and see what its recipient can read.</source>
        <translation>Eine config.share-Datei öffnen und sehen, was ihr Empfänger lesen kann.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a config.share profile</source>
        <translation>config.share-Profil öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delta Sharing profiles (*.share)</source>
        <translation>Delta-Sharing-Profile (*.share)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the recipients…</source>
        <translation>Empfänger werden gelesen…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No recipients yet. Create a share first, then add a recipient and issue its token.</source>
        <translation>Noch keine Empfänger. Legen Sie zuerst eine Freigabe an, fügen Sie dann einen Empfänger hinzu und stellen Sie sein Token aus.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No recipients yet — add one, grant it shares, then issue its token.</source>
        <translation>Noch keine Empfänger – fügen Sie einen hinzu, gewähren Sie ihm Freigaben und stellen Sie dann sein Token aus.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Revoke every token?</source>
        <translation>Alle Token widerrufen?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every token of “%1” stops working now; clients using it get 401 on their next request. Issue a new token to let the recipient read again.</source>
        <translation>Alle Token von „%1“ funktionieren ab sofort nicht mehr; Clients, die sie verwenden, erhalten bei der nächsten Anfrage 401. Stellen Sie ein neues Token aus, damit der Empfänger wieder lesen kann.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revoke now</source>
        <translation>Jetzt widerrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the recipient?</source>
        <translation>Empfänger entfernen?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>“%1” will be removed with its grants and tokens, which stop working at once. The audit trail keeps its requests.</source>
        <translation>„%1“ wird mit seinen Berechtigungen und Token entfernt, die sofort nicht mehr funktionieren. Das Zugriffsprotokoll behält seine Anfragen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove recipient</source>
        <translation>Empfänger entfernen</translation>
    </message>
</context>
<context>
    <name>ResultTable</name>
    <message>
        <location filename="../ui/assistant/cellformat.cpp" line="+56"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>ResultTableModel</name>
    <message>
        <location filename="../ui/assistant/resulttablemodel.cpp" line="+334"/>
        <source>An export of this table is still running.</source>
        <translation>Ein Export dieser Tabelle läuft noch.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only files on this computer can be written: %1</source>
        <translation>Es können nur Dateien auf diesem Computer geschrieben werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>%Ln Zeile in %1 gespeichert.</numerusform>
            <numerusform>%Ln Zeilen in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not save %1: %2.</source>
        <translation>%1 konnte nicht gespeichert werden: %2.</translation>
    </message>
</context>
<context>
    <name>SaveWorklistDialog</name>
    <message>
        <location filename="../qml/Assistant/SaveWorklistDialog.qml" line="+28"/>
        <source>Save as worklist</source>
        <translation>Als Arbeitsliste speichern</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Description (optional)</source>
        <translation>Beschreibung (optional)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Shared: everyone using this Lakeshore settings store sees it</source>
        <translation>Geteilt: alle, die diesen Lakeshore-Einstellungsspeicher nutzen, sehen sie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The worklist keeps the query, not its rows: it is read live from the lakehouse each time it is opened.</source>
        <translation>Die Arbeitsliste behält die Abfrage, nicht ihre Zeilen: Sie wird bei jedem Öffnen live aus dem Lakehouse gelesen.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>SecretMapEditor</name>
    <message>
        <location filename="../qml/Settings/SecretMapEditor.qml" line="+15"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>•••••••• stored encrypted; type to replace</source>
        <translation>•••••••• verschlüsselt gespeichert; zum Ersetzen eingeben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../ui/app/session.cpp" line="+118"/>
        <source>Lakeshore could not use its settings file %1: %2. The file was left as it is. You are working on the demo tenant; connection changes cannot be saved until the file is repaired or moved away.</source>
        <translation>Lakeshore konnte die Einstellungsdatei %1 nicht verwenden: %2. Die Datei wurde nicht verändert. Sie arbeiten mit der Demo-Umgebung; Verbindungsänderungen können erst gespeichert werden, wenn die Datei repariert oder an einen anderen Ort verschoben wurde.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The demo tenant could not start: %1</source>
        <translation>Die Demo-Umgebung konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../qml/Settings/SettingsPage.qml" line="+24"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lakehouse</source>
        <translation>Lakehouse</translation>
    </message>
</context>
<context>
    <name>ShareCard</name>
    <message>
        <location filename="../qml/Sharing/ShareCard.qml" line="+66"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Readable by: %1</source>
        <translation>Lesbar für: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No recipient may read it yet: grant it in Recipients.</source>
        <translation>Noch kein Empfänger darf sie lesen: Gewähren Sie sie unter Empfänger.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No tables: recipients see an empty share.</source>
        <translation>Keine Tabellen: Empfänger sehen eine leere Freigabe.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From CRM</source>
        <translation>Aus dem CRM</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../qml/Sharing/ShareDialog.qml" line="+28"/>
        <source>New share</source>
        <translation>Neue Freigabe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit share</source>
        <translation>Freigabe bearbeiten</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. sales</source>
        <translation>z. B. sales</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>optional, e.g. what the share is for</source>
        <translation>optional, z. B. wofür die Freigabe gedacht ist</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Published in schema “%1” under the name you give each.</source>
        <translation>Im Schema „%1“ unter dem Namen veröffentlicht, den Sie jeder Tabelle geben.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Table name for %1</source>
        <translation>Tabellenname für %1</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n Tabelle</numerusform>
            <numerusform>%n Tabellen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ShareForm</name>
    <message>
        <location filename="../ui/sharing/shareform.cpp" line="+80"/>
        <source>Table name: %1</source>
        <translation>Tabellenname: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another table of this share is named “%1”.</source>
        <translation>Eine andere Tabelle dieser Freigabe heißt bereits „%1“.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Share name: %1</source>
        <translation>Name der Freigabe: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Give the share a name.</source>
        <translation>Geben Sie der Freigabe einen Namen.</translation>
    </message>
</context>
<context>
    <name>ShareListModel</name>
    <message>
        <location filename="../ui/sharing/sharelistmodel.cpp" line="+29"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opportunities</source>
        <translation>Verkaufschancen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
</context>
<context>
    <name>ShareServerController</name>
    <message>
        <location filename="../ui/sharing/shareservercontroller.cpp" line="+100"/>
        <source>The share server did not start: %1</source>
        <translation>Der Freigabeserver ist nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+41"/>
        <source>Publishing the CRM tables…</source>
        <translation>CRM-Tabellen werden veröffentlicht…</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>There is no CRM connection to read the tables from.</source>
        <translation>Es gibt keine CRM-Verbindung, aus der die Tabellen gelesen werden können.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The snapshot did not run: %1</source>
        <translation>Der Snapshot wurde nicht ausgeführt: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Snapshot at %1: %n tables published.</source>
        <translation>
            <numerusform>Snapshot um %1: %n Tabelle veröffentlicht.</numerusform>
            <numerusform>Snapshot um %1: %n Tabellen veröffentlicht.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snapshot at %1: %2 published; failed: %3</source>
        <translation>Snapshot um %1: %2 veröffentlicht; fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The app is not ready yet.</source>
        <translation>Die App ist noch nicht bereit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a usable config.share profile: %1</source>
        <translation>Dies ist kein verwendbares config.share-Profil: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The share server</source>
        <translation>Der Freigabeserver</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot read the profile %1.</source>
        <translation>Das Profil %1 kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>SharesView</name>
    <message>
        <location filename="../qml/Sharing/SharesView.qml" line="+24"/>
        <source>A share publishes CRM tables as Delta tables. Recipients read them with any Delta Sharing client — Spark, pandas, Databricks, Power BI — using the profile file you hand them. Nothing is copied into their lakehouse until they read it.</source>
        <translation>Eine Freigabe veröffentlicht CRM-Tabellen als Delta-Tabellen. Empfänger lesen sie mit jedem Delta-Sharing-Client – Spark, pandas, Databricks, Power BI – über die Profildatei, die Sie ihnen geben. Erst wenn sie lesen, gelangt etwas in ihr Lakehouse.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New share…</source>
        <translation>Neue Freigabe…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New share (%1)</source>
        <translation>Neue Freigabe (%1)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the shares…</source>
        <translation>Freigaben werden gelesen…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No shares yet — create one to publish CRM tables.</source>
        <translation>Noch keine Freigaben – legen Sie eine an, um CRM-Tabellen zu veröffentlichen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Delete the share?</source>
        <translation>Freigabe löschen?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>“%1” will be deleted. Recipients granted it lose access at once.</source>
        <translation>„%1“ wird gelöscht. Empfänger, denen sie gewährt wurde, verlieren sofort den Zugriff.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete share</source>
        <translation>Freigabe löschen</translation>
    </message>
</context>
<context>
    <name>SharingController</name>
    <message>
        <location filename="../ui/sharing/sharingcontroller.cpp" line="+141"/>
        <source>The shares and recipients could not be read: %1</source>
        <translation>Die Freigaben und Empfänger konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The settings store is not open.</source>
        <translation>Der Einstellungsspeicher ist nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The share was not saved: %1</source>
        <translation>Die Freigabe wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved the share “%1”.</source>
        <translation>Die Freigabe „%1“ wurde gespeichert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The share was not removed: %1</source>
        <translation>Die Freigabe wurde nicht entfernt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removed the share “%1”.</source>
        <translation>Die Freigabe „%1“ wurde entfernt.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The recipient was not saved: %1</source>
        <translation>Der Empfänger wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved the recipient “%1”.</source>
        <translation>Der Empfänger „%1“ wurde gespeichert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The recipient was not removed: %1</source>
        <translation>Der Empfänger wurde nicht entfernt: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Removed the recipient “%1”; its tokens no longer work.</source>
        <translation>Der Empfänger „%1“ wurde entfernt; seine Token funktionieren nicht mehr.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The profile&apos;s endpoint is not known yet.</source>
        <translation>Der Endpunkt für das Profil ist noch nicht bekannt.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The token was not rotated: %1</source>
        <translation>Das Token wurde nicht erneuert: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No token was issued: %1</source>
        <translation>Es wurde kein Token ausgestellt: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rotated the token of “%1”.</source>
        <translation>Das Token von „%1“ wurde erneuert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued a token for “%1”.</source>
        <translation>Für „%1“ wurde ein Token ausgestellt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The tokens were not revoked: %1</source>
        <translation>Die Token wurden nicht widerrufen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revoked every token of “%1”; they stopped working now.</source>
        <translation>Alle Token von „%1“ wurden widerrufen; sie funktionieren ab sofort nicht mehr.</translation>
    </message>
</context>
<context>
    <name>SharingPage</name>
    <message>
        <location filename="../qml/Sharing/SharingPage.qml" line="+128"/>
        <source>Sharing</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tenant %1</source>
        <translation>Umgebung %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Profiles point to %1</source>
        <translation>Profile verweisen auf %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Stopping the share server…</source>
        <translation>Freigabeserver wird angehalten…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starting the share server…</source>
        <translation>Freigabeserver wird gestartet…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share server running on port %1</source>
        <translation>Freigabeserver läuft auf Port %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share server stopped</source>
        <translation>Freigabeserver angehalten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Stop server</source>
        <translation>Server anhalten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start server</source>
        <translation>Server starten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Snapshot now</source>
        <translation>Jetzt Snapshot</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the CRM tables now and publish them as new versions (also every %1 minutes while the server runs).</source>
        <translation>Die CRM-Tabellen jetzt lesen und als neue Versionen veröffentlichen (auch alle %1 Minuten, solange der Server läuft).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Shares (%1)</source>
        <translation>Freigaben (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shares</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recipients (%1)</source>
        <translation>Empfänger (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Audit</source>
        <translation>Protokoll</translation>
    </message>
</context>
<context>
    <name>SqlBlock</name>
    <message>
        <location filename="../qml/Assistant/SqlBlock.qml" line="+50"/>
        <source>SQL (edited)</source>
        <translation>SQL (bearbeitet)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show less</source>
        <translation>Weniger anzeigen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show all</source>
        <translation>Alles anzeigen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run this SQL on the lakehouse (Ctrl+Enter)</source>
        <translation>Dieses SQL im Lakehouse ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>TableStateModel</name>
    <message>
        <location filename="../ui/sharing/tablestatemodel.cpp" line="+59"/>
        <source>not published yet</source>
        <translation>noch nicht veröffentlicht</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>version %1 · %2 · %Ln rows</source>
        <translation>
            <numerusform>Version %1 · %2 · %Ln Zeile</numerusform>
            <numerusform>Version %1 · %2 · %Ln Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <location filename="../qml/Sharing/TokenDialog.qml" line="+50"/>
        <source>Rotate the token of “%1”</source>
        <translation>Token von „%1“ erneuern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Issue a token for “%1”</source>
        <translation>Token für „%1“ ausstellen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Works for</source>
        <translation>Gültig für</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Until…</source>
        <translation>Bis…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Current token</source>
        <translation>Bisheriges Token</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stops working now</source>
        <translation>Ab sofort ungültig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Works 1 more hour</source>
        <translation>Noch 1 Stunde gültig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Works 1 more day</source>
        <translation>Noch 1 Tag gültig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Works 7 more days</source>
        <translation>Noch 7 Tage gültig</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The grace period lets the recipient switch to the new profile. It never makes the current token last longer than it would have.</source>
        <translation>In der Übergangszeit kann der Empfänger auf das neue Profil umstellen. Sie verlängert die Gültigkeit des bisherigen Tokens nie.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Rotate</source>
        <translation>Erneuern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Issue token</source>
        <translation>Token ausstellen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>TokenExpiry</name>
    <message>
        <location filename="../ui/sharing/tokenexpiry.cpp" line="+68"/>
        <source>Type the last day the token works, as %1.</source>
        <translation>Geben Sie den letzten Gültigkeitstag als %1 ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not a date; type it as %2.</source>
        <translation>„%1“ ist kein Datum; geben Sie es als %2 ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last day must be after today.</source>
        <translation>Der letzte Tag muss nach heute liegen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Works until %1.</source>
        <translation>Gültig bis %1.</translation>
    </message>
</context>
<context>
    <name>WorklistTable</name>
    <message>
        <location filename="../qml/Worklists/WorklistTable.qml" line="+322"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>WorklistTableModel</name>
    <message>
        <location filename="../ui/worklists/worklisttablemodel.cpp" line="+40"/>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>does not contain</source>
        <translation>enthält nicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is</source>
        <translation>ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not</source>
        <translation>ist nicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is before</source>
        <translation>liegt vor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is on or before</source>
        <translation>liegt am oder vor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is after</source>
        <translation>liegt nach</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is on or after</source>
        <translation>liegt am oder nach</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not empty</source>
        <translation>ist nicht leer</translation>
    </message>
    <message>
        <location line="+185"/>
        <location line="+9"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Not in CRM</source>
        <translation>Nicht im CRM</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Territory not read yet</source>
        <translation>Gebiet noch nicht gelesen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Territory not known</source>
        <translation>Gebiet unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner not read yet</source>
        <translation>Verantwortlicher noch nicht gelesen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Owner not known</source>
        <translation>Verantwortlicher unbekannt</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>%1 · %n account(s)</source>
        <translation>
            <numerusform>%1 · %n Kunde</numerusform>
            <numerusform>%1 · %n Kunden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Total %1</source>
        <translation>Summe %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Owner</source>
        <translation>Verantwortlicher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Territory</source>
        <translation>Gebiet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account status</source>
        <translation>Kundenstatus</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>A filter names a column or a comparison this worklist does not have.</source>
        <translation>Ein Filter nennt eine Spalte oder einen Vergleich, den diese Arbeitsliste nicht hat.</translation>
    </message>
</context>
<context>
    <name>WorklistsController</name>
    <message>
        <location filename="../ui/worklists/worklistscontroller.cpp" line="+127"/>
        <source>Saved worklists cannot be read: the settings store is not open.</source>
        <translation>Gespeicherte Arbeitslisten können nicht gelesen werden: Der Einstellungsspeicher ist nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved worklists could not be read: %1</source>
        <translation>Gespeicherte Arbeitslisten konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n saved worklist(s) could not be read and are not listed.</source>
        <translation>
            <numerusform>%n gespeicherte Arbeitsliste konnte nicht gelesen werden und wird nicht angezeigt.</numerusform>
            <numerusform>%n gespeicherte Arbeitslisten konnten nicht gelesen werden und werden nicht angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Cancelled. Refresh to read the worklist again.</source>
        <translation>Abgebrochen. Aktualisieren liest die Arbeitsliste erneut.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose a period.</source>
        <translation>Wählen Sie einen Zeitraum.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the period&apos;s dates as YYYY-MM-DD.</source>
        <translation>Geben Sie die Daten des Zeitraums als JJJJ-MM-TT ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That is not a period: %1</source>
        <translation>Das ist kein Zeitraum: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+497"/>
        <source>Lakeshore is not connected yet.</source>
        <translation>Lakeshore ist noch nicht verbunden.</translation>
    </message>
    <message>
        <location line="-488"/>
        <source>No lakehouse is connected; connect one in Settings → Lakehouse.</source>
        <translation>Kein Lakehouse ist verbunden; verbinden Sie eines unter Einstellungen → Lakehouse.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The lakehouse cannot be used: %1</source>
        <translation>Das Lakehouse kann nicht genutzt werden: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the settings store is not open</source>
        <translation>der Einstellungsspeicher ist nicht geöffnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its lakehouse connection was removed</source>
        <translation>ihre Lakehouse-Verbindung wurde entfernt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its MCP server was removed</source>
        <translation>ihr MCP-Server wurde entfernt</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>This worklist&apos;s lakehouse cannot be used: %1</source>
        <translation>Das Lakehouse dieser Arbeitsliste kann nicht genutzt werden: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Connecting to the lakehouse…</source>
        <translation>Verbindung zum Lakehouse…</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+127"/>
        <source>lakehouse</source>
        <translation>Lakehouse</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+175"/>
        <location line="+86"/>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location line="-222"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Follow up: %1</source>
        <translation>Nachfassen: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enter the due date as YYYY-MM-DD.</source>
        <translation>Geben Sie das Fälligkeitsdatum als JJJJ-MM-TT ein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Period: %1 to %2</source>
        <translation>Zeitraum: %1 bis %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not written: the account&apos;s owner is not known (the CRM has not been read for it).</source>
        <translation>Nicht geschrieben: Der Kundenverantwortliche ist unbekannt (das CRM wurde für diesen Kunden nicht gelesen).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Writing the task…</source>
        <translation>Aufgabe wird geschrieben…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Task created</source>
        <translation>Aufgabe angelegt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not created: %1</source>
        <translation>Nicht angelegt: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n follow-up task(s) created in the CRM.</source>
        <translation>
            <numerusform>%n Nachfassaufgabe im CRM angelegt.</numerusform>
            <numerusform>%n Nachfassaufgaben im CRM angelegt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 created, %2 not created; the rows say why. Select them and try again.</source>
        <translation>%1 angelegt, %2 nicht angelegt; die Zeilen nennen den Grund. Wählen Sie sie aus und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No task was written: the owners of the selected accounts are not known. Retry the CRM read first.</source>
        <translation>Keine Aufgabe wurde geschrieben: Die Verantwortlichen der ausgewählten Kunden sind unbekannt. Lesen Sie zuerst das CRM erneut.</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n row(s) exported to %1.</source>
        <translation>
            <numerusform>%n Zeile nach %1 exportiert.</numerusform>
            <numerusform>%n Zeilen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The export failed: %1 (%2).</source>
        <translation>Der Export ist fehlgeschlagen: %1 (%2).</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The CRM has no account %1.</source>
        <translation>Das CRM hat keinen Kunden %1.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The worklist could not be removed: %1</source>
        <translation>Die Arbeitsliste konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Copy of %1</source>
        <translation>Kopie von %1</translation>
    </message>
</context>
<context>
    <name>WorklistsPage</name>
    <message>
        <location filename="../qml/Worklists/WorklistsPage.qml" line="+45"/>
        <source>Export the worklist as CSV</source>
        <translation>Die Arbeitsliste als CSV exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Remove the worklist?</source>
        <translation>Arbeitsliste entfernen?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” is removed for everyone who sees it. Its rows were never stored; nothing else is lost.</source>
        <translation>„%1“ wird für alle entfernt, die sie sehen. Ihre Zeilen wurden nie gespeichert; sonst geht nichts verloren.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Worklists</source>
        <translation>Arbeitslisten</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Built in · shared</source>
        <translation>Mitgeliefert · geteilt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shared · by %1</source>
        <translation>Geteilt · von %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New worklist…</source>
        <translation>Neue Arbeitsliste…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A lakehouse query whose rows are accounts; an assistant answer can become one too (Save as worklist…)</source>
        <translation>Eine Lakehouse-Abfrage, deren Zeilen Kunden sind; auch eine Antwort des Assistenten kann eine werden (Als Arbeitsliste speichern…)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose a worklist on the left. Its rows are read live from the lakehouse and joined with the CRM; nothing is stored.</source>
        <translation>Wählen Sie links eine Arbeitsliste. Ihre Zeilen werden live aus dem Lakehouse gelesen und mit dem CRM verknüpft; nichts wird gespeichert.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save a copy…</source>
        <translation>Kopie speichern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the name, SQL, account column or sharing</source>
        <translation>Name, SQL, Kundenspalte oder Freigabe ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep your own copy to change</source>
        <translation>Eine eigene Kopie zum Ändern behalten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom…</source>
        <translation>Eigener…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>From YYYY-MM-DD</source>
        <translation>Von JJJJ-MM-TT</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>To YYYY-MM-DD</source>
        <translation>Bis JJJJ-MM-TT</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Group by</source>
        <translation>Gruppieren nach</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing</source>
        <translation>Nichts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Owner</source>
        <translation>Verantwortlicher</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Territory</source>
        <translation>Gebiet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop reading (Esc)</source>
        <translation>Lesen abbrechen (Esc)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read the lakehouse and the CRM again (F5)</source>
        <translation>Lakehouse und CRM erneut lesen (F5)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The CRM could not be read, so owners and territories are unknown: %1</source>
        <translation>Das CRM konnte nicht gelesen werden, daher sind Verantwortliche und Gebiete unbekannt: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n Kunde</numerusform>
            <numerusform>%n Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n account(s)</source>
        <translation>
            <numerusform>%1 von %n Kunde</numerusform>
            <numerusform>%1 von %n Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>· %n selected</source>
        <translation>
            <numerusform>· %n ausgewählt</numerusform>
            <numerusform>· %n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>· read from %1 at %2</source>
        <translation>· gelesen aus %1 um %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · reading owners from the CRM…</source>
        <translation> · Verantwortliche werden aus dem CRM gelesen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · CRM read at %1</source>
        <translation> · CRM gelesen um %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select all</source>
        <translation>Alle auswählen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create follow-ups…</source>
        <translation>Nachfassaufgaben anlegen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One CRM task per selected account, for its owner (Ctrl+T)</source>
        <translation>Eine CRM-Aufgabe je ausgewähltem Kunden, für dessen Verantwortlichen (Strg+T)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open account</source>
        <translation>Kunden öffnen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Drill down</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The account&apos;s lines by item (Ctrl+D)</source>
        <translation>Die Zeilen des Kunden nach Artikel (Strg+D)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Writing follow-up tasks to the CRM…</source>
        <translation>Nachfassaufgaben werden ins CRM geschrieben…</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/lakeshore/main.cpp" line="+67"/>
        <source>Lakehouse-native desktop CRM.

%1</source>
        <translation>Lakehouse-natives Desktop-CRM.

%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run on the embedded demo tenant.</source>
        <translation>Mit der eingebetteten Demo-Umgebung ausführen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder of the settings database.</source>
        <translation>Ordner der Einstellungsdatenbank.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open this account number.</source>
        <translation>Diese Kontonummer öffnen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the first account of this territory.</source>
        <translation>Das erste Konto dieses Gebiets öffnen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the window as PNG once everything has loaded, then quit.</source>
        <translation>Das Fenster als PNG speichern, sobald alles geladen ist, dann beenden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the panels&apos; state as JSON, then quit.</source>
        <translation>Den Zustand der Bereiche als JSON schreiben, dann beenden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print &quot;ready &lt;ms&gt;&quot; when the account list first shows rows.</source>
        <translation>„ready &lt;ms&gt;“ ausgeben, sobald die Kontenliste erstmals Zeilen anzeigt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open this many accounts in turn, printing resident memory, then quit.</source>
        <translation>Nacheinander so viele Konten öffnen, dabei den residenten Speicher ausgeben, dann beenden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show this page first: accounts, settings, lakehouse (Settings → Lakehouse), assistant, sharing or worklists.</source>
        <translation>Diese Seite zuerst zeigen: accounts, settings, lakehouse (Einstellungen → Lakehouse), assistant, sharing oder worklists.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With --page sharing: show this tab: shares, recipients or audit.</source>
        <translation>Mit --page sharing: diesen Reiter zeigen: shares, recipients oder audit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show Worklists and open this worklist (an id; &quot;off-contract&quot; for the shipped Off-contract purchases); with --screenshot the shot is taken once it is read and joined with the CRM.</source>
        <translation>Arbeitslisten zeigen und diese Arbeitsliste öffnen (eine ID; &quot;off-contract&quot; für die mitgelieferten Käufe außerhalb des Vertrags); mit --screenshot wird das Bild aufgenommen, sobald sie gelesen und mit dem CRM verknüpft ist.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With --worklist: group it by owner or territory.</source>
        <translation>Mit --worklist: nach Verantwortlichem (owner) oder Gebiet (territory) gruppieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the Assistant and ask this question (with --screenshot: the shot is taken once the answer is shown).</source>
        <translation>Den Assistenten anzeigen und diese Frage stellen (mit --screenshot: Der Screenshot wird aufgenommen, sobald die Antwort angezeigt wird).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With --ask: show the answer as a chart.</source>
        <translation>Mit --ask: Die Antwort als Diagramm anzeigen.</translation>
    </message>
</context>
</TS>
