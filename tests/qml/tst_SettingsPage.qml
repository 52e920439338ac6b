import QtQuick
import QtTest

import Lakeshore

// Settings → Connections: validation, Test connection against the demo CRM and ERP, save and reload.
Item {
    id: root

    width: 1000
    height: 900

    SettingsPage {
        id: page

        anchors.fill: parent
    }

    TestCase {
        name: "SettingsPage"
        when: windowShown

        function initTestCase() {
            tryCompare(Session, "ready", true, 10000);
            tryCompare(page.connections, "busy", false, 10000);
        }

        function test_validationNamesTheProblem() {
            const c = page.connections;
            c.useDemo = false;
            c.crm.baseUrl = "ftp://example";
            c.save();
            verify(c.messageIsError);
            verify(c.message.indexOf("http") >= 0, c.message);
        }

        function test_testConnectionAgainstDemo() {
            const form = page.connections.crm;
            form.baseUrl = Session.crmUrl;
            form.authKind = ConnectionForm.NoAuth;
            page.connections.test(form);
            tryCompare(form, "testing", false, 10000);
            verify(form.testOk, form.testResult);

            const erp = page.connections.erp;
            erp.baseUrl = Session.crmUrl; // the CRM is not an ERP
            page.connections.test(erp);
            tryCompare(erp, "testing", false, 10000);
            verify(!erp.testOk);
            verify(erp.testResult.indexOf("customers") >= 0, erp.testResult);
        }

        function test_unreachableService() {
            const form = page.connections.crm;
            form.baseUrl = "http://127.0.0.1:9/api/";
            page.connections.test(form);
            tryCompare(form, "testing", false, 10000);
            verify(!form.testOk);
            verify(form.testResult.length > 0);
        }

        function test_saveAndReloadKeepsSecretsMasked() {
            const c = page.connections;
            c.useDemo = false;
            c.crm.baseUrl = Session.crmUrl;
            c.crm.authKind = ConnectionForm.Bearer;
            c.crm.secretInput = "s3cret-token";
            c.erp.baseUrl = Session.erpUrl;
            c.erp.authKind = ConnectionForm.NoAuth;
            c.save();
            tryCompare(c, "busy", false, 10000);
            verify(!c.messageIsError, c.message);
            compare(c.crm.secretInput, "", "the typed secret is not kept in the form");
            verify(c.crm.hasStoredSecret);
            c.load();
            tryCompare(c, "busy", false, 10000);
            compare(c.useDemo, false);
            compare(c.crm.authKind, ConnectionForm.Bearer);
            verify(c.crm.hasStoredSecret);
            compare(c.crm.secretInput, "");
            // back to the demo tenant for the other tests
            c.useDemo = true;
            c.save();
            tryCompare(c, "busy", false, 10000);
            tryCompare(Session, "demo", true, 10000);
        }
    }
}
