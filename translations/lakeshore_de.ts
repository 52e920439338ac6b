<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Account360Controller</name>
    <message>
        <location filename="../ui/accounts/account360controller.cpp" line="+17"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opportunities</source>
        <translation>Verkaufschancen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance and credit</source>
        <translation>Saldo und Kredit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open orders</source>
        <translation>Offene Aufträge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent invoices</source>
        <translation>Letzte Rechnungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract coverage</source>
        <translation>Vertragsabdeckung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ERP</source>
        <translation>ERP</translation>
    </message>
    <message>
        <location line="+75"/>
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
        <location filename="../ui/accounts/account360panel.cpp" line="+15"/>
        <source>%1 · loading…</source>
        <translation>%1 · wird geladen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · read %2</source>
        <translation>%1 · gelesen um %2</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location filename="../ui/accounts/accountlistmodel.cpp" line="+187"/>
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
        <location filename="../ui/settings/connectionform.cpp" line="+34"/>
        <source>%1: the service URL must start with http:// or https:// and name a host.</source>
        <translation>%1: Die Dienst-URL muss mit http:// oder https:// beginnen und einen Host angeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the timeout must be between 1 and 300 seconds.</source>
        <translation>%1: Das Zeitlimit muss zwischen 1 und 300 Sekunden liegen.</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+146"/>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location line="-145"/>
        <location line="+145"/>
        <source>ERP</source>
        <translation>ERP</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>The saved connections could not be read: %1</source>
        <translation>Die gespeicherten Verbindungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The connections were not saved: %1</source>
        <translation>Die Verbindungen wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+11"/>
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
    <name>ErrorText</name>
    <message>
        <location filename="../ui/core/errortext.cpp" line="+11"/>
        <source>Could not reach the %1.</source>
        <translation>Das %1 ist nicht erreichbar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 did not answer in time.</source>
        <translation>Das %1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The read from the %1 was cancelled.</source>
        <translation>Das Lesen aus dem %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 answered with an unexpected status.</source>
        <translation>Das %1 hat mit einem unerwarteten Status geantwortet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 reported an error.</source>
        <translation>Das %1 hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 did not accept the credentials. Check Settings → Connections.</source>
        <translation>Das %1 hat die Anmeldedaten nicht akzeptiert. Prüfen Sie Einstellungen → Verbindungen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 is busy and asked us to slow down.</source>
        <translation>Das %1 ist ausgelastet und bittet um weniger Anfragen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 sent a reply Lakeshore cannot read.</source>
        <translation>Das %1 hat eine Antwort gesendet, die Lakeshore nicht lesen kann.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 sent more data than Lakeshore accepts in one reply.</source>
        <translation>Das %1 hat mehr Daten gesendet, als Lakeshore in einer Antwort annimmt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 kept sending the same page of results.</source>
        <translation>Das %1 hat wiederholt dieselbe Ergebnisseite gesendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The local settings could not be read or written.</source>
        <translation>Die lokalen Einstellungen konnten nicht gelesen oder geschrieben werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request to the %1 was not valid.</source>
        <translation>Die Anfrage an das %1 war ungültig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 has no such record.</source>
        <translation>Das %1 enthält keinen solchen Datensatz.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1”</source>
        <translation>„%1“</translation>
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
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="+24"/>
        <source>Lakeshore — demo tenant</source>
        <translation>Lakeshore — Demo-Umgebung</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+27"/>
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
        <location line="+12"/>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
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
    <name>Session</name>
    <message>
        <location filename="../ui/app/session.cpp" line="+107"/>
        <source>Lakeshore could not use its settings file %1: %2. The file was left as it is. You are working on the demo tenant; connection changes cannot be saved until the file is repaired or moved away.</source>
        <translation>Lakeshore konnte die Einstellungsdatei %1 nicht verwenden: %2. Die Datei wurde nicht verändert. Sie arbeiten mit der Demo-Umgebung; Verbindungsänderungen können erst gespeichert werden, wenn die Datei repariert oder an einen anderen Ort verschoben wurde.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The demo tenant could not start: %1</source>
        <translation>Die Demo-Umgebung konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../qml/Settings/SettingsPage.qml" line="+30"/>
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
    <name>main</name>
    <message>
        <location filename="../app/lakeshore/main.cpp" line="+58"/>
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
        <location line="+3"/>
        <source>Save the window as PNG once everything has loaded, then quit.</source>
        <translation>Das Fenster als PNG speichern, sobald alles geladen ist, dann beenden.</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+3"/>
        <source>Show this page first: accounts or settings.</source>
        <translation>Diese Seite zuerst zeigen: accounts oder settings.</translation>
    </message>
</context>
</TS>
