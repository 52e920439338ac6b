import QtQuick
import QtQuick.Controls
import QtTest

import Lakeshore

// Sharing: the empty states, the share dialog (Escape cancels, the name is checked while typing, Enter
// creates, Ctrl+N opens it), a new recipient going on to its token and the profile shown once (closing
// before copying asks first, closing forgets it), revocation and deletion behind a confirmation, and the
// audit tab's empty state.
Item {
    id: root

    width: 1200
    height: 900

    SharingPage {
        id: page

        anchors.fill: parent
    }

    TestCase {
        id: test

        function findNamed(item, name) {
            if (!item)
                return null;
            if (item.objectName === name)
                return item;
            const children = item.children || [];
            for (let i = 0; i < children.length; ++i) {
                const found = findNamed(children[i], name);
                if (found)
                    return found;
            }
            // Popups keep their content outside the children list.
            if (item.contentItem && item.contentItem !== item) {
                const found = findNamed(item.contentItem, name);
                if (found)
                    return found;
            }
            if (item.footer) {
                const found = findNamed(item.footer, name);
                if (found)
                    return found;
            }
            return null;
        }

        function typeText(text) {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i]);
        }

        function controller() {
            return page.controller;
        }

        name: "SharingPage"
        when: windowShown

        function initTestCase() {
            tryCompare(Session, "ready", true, 10000);
            compare(Session.sharingTenant, "demo");
            tryCompare(controller(), "loaded", true, 10000);
            compare(findNamed(page, "tenantLabel").text, "Tenant demo");
            verify(findNamed(page, "endpointLabel").text.indexOf("http://127.0.0.1:8080/delta-sharing/demo") >= 0);
        }

        function test_1_emptyStates() {
            page.tab = 0;
            verify(findNamed(page.sharesView, "noShares").visible);
            page.tab = 1;
            verify(findNamed(page.recipientsView, "noRecipients").visible);
            page.tab = 2;
            tryCompare(controller().audit, "loading", false, 10000);
            const empty = findNamed(page.auditView, "noAudit");
            verify(empty.visible);
            verify(empty.text.length > 0);
            page.tab = 0;
        }

        function test_2_shareDialog() {
            const dialog = page.shareDialog;
            mouseClick(findNamed(page.sharesView, "newShareButton"));
            tryCompare(dialog, "opened", true);
            keyClick(Qt.Key_Escape);
            tryCompare(dialog, "visible", false);
            compare(controller().shares.count, 0);

            // Ctrl+N opens it too; the name is checked while typing.
            keyClick(Qt.Key_N, Qt.ControlModifier);
            tryCompare(dialog, "opened", true);
            const nameField = findNamed(dialog, "shareName");
            tryCompare(nameField, "activeFocus", true);
            typeText("sales team");
            const problem = findNamed(dialog, "shareNameProblem");
            verify(problem.visible);
            verify(problem.text.indexOf("may not contain spaces") >= 0, problem.text);
            verify(!findNamed(dialog, "saveShareButton").enabled);
            keyClick(Qt.Key_Return); // refused: the dialog stays and says why
            verify(dialog.visible);
            verify(controller().dialogError.indexOf("may not contain spaces") >= 0, controller().dialogError);

            keyClick(Qt.Key_A, Qt.ControlModifier);
            typeText("sales");
            verify(!problem.visible);
            findNamed(dialog, "include_cases").checked = false;
            findNamed(dialog, "include_cases").toggled();
            compare(controller().shareForm.includedCount, 5);
            nameField.forceActiveFocus();
            keyClick(Qt.Key_Return);
            tryCompare(dialog, "visible", false, 10000);
            tryCompare(controller().shares, "count", 1, 10000);
            compare(controller().shares.get(0).name, "sales");
            compare(controller().shares.get(0).tables.length, 5);
            verify(!findNamed(page.sharesView, "noShares").visible);
            tryVerify(() => findNamed(page.sharesView, "shareTables") !== null);
        }

        function test_3_newRecipientGetsItsTokenOnce() {
            page.tab = 1;
            const dialog = page.recipientDialog;
            mouseClick(findNamed(page.recipientsView, "newRecipientButton"));
            tryCompare(dialog, "opened", true);
            tryCompare(findNamed(dialog, "recipientName"), "activeFocus", true);
            typeText("Contoso");
            const grant = findNamed(dialog, "grant_sales");
            verify(grant !== null);
            mouseClick(grant);
            compare(controller().recipientForm.grantedCount, 1);
            const allowList = findNamed(dialog, "allowList");
            allowList.text = "10.0.0.0/33";
            const allowProblem = findNamed(dialog, "allowListProblem");
            verify(allowProblem.visible);
            verify(allowProblem.text.indexOf("is not an IP address or CIDR range") >= 0, allowProblem.text);
            verify(!findNamed(dialog, "saveRecipientButton").enabled);
            allowList.text = "10.0.0.0/8";
            verify(!allowProblem.visible);
            mouseClick(findNamed(dialog, "saveRecipientButton"));
            tryCompare(dialog, "visible", false, 10000);

            // Creating a recipient goes on to its token: 90 days unless chosen otherwise.
            const tokenDialog = page.tokenDialog;
            tryCompare(tokenDialog, "opened", true, 10000);
            compare(tokenDialog.recipientName, "Contoso");
            verify(findNamed(tokenDialog, "days90").checked);
            verify(findNamed(tokenDialog, "expirySummary").text.length > 0);
            mouseClick(findNamed(tokenDialog, "customDate"));
            verify(findNamed(tokenDialog, "dateField").visible);
            verify(!findNamed(tokenDialog, "issueTokenButton").enabled);
            waitForRendering(tokenDialog.contentItem); // the dialog grew by the date field: where it is now
            mouseClick(findNamed(tokenDialog, "days30"));
            verify(findNamed(tokenDialog, "issueTokenButton").enabled);
            mouseClick(findNamed(tokenDialog, "issueTokenButton"));

            const profileDialog = page.profileDialog;
            tryCompare(profileDialog, "opened", true, 10000);
            verify(!tokenDialog.visible);
            const profile = JSON.parse(findNamed(profileDialog, "profileText").text);
            compare(profile.shareCredentialsVersion, 1);
            compare(profile.endpoint, "http://127.0.0.1:8080/delta-sharing/demo");
            verify(profile.bearerToken.startsWith("lsk_"));
            verify(findNamed(profileDialog, "onceWarning").visible);

            // Escape before copying or saving asks first; Escape again goes back.
            keyClick(Qt.Key_Escape);
            tryCompare(profileDialog.leaveDialog, "opened", true);
            keyClick(Qt.Key_Escape);
            tryCompare(profileDialog.leaveDialog, "visible", false);
            verify(profileDialog.visible);
            mouseClick(findNamed(profileDialog, "copyProfileButton"));
            verify(profileDialog.handedOver);
            verify(findNamed(profileDialog, "profileStatus").text.length > 0);
            keyClick(Qt.Key_Escape);
            tryCompare(profileDialog, "visible", false);
            compare(controller().profile.text, "");
            compare(controller().profile.available, false);

            tryCompare(controller().recipients, "count", 1, 10000);
            compare(controller().recipients.get(0).status, "active");
            compare(controller().recipients.get(0).allowList[0], "10.0.0.0/8");
        }

        function test_4_rotateShowsTheNewProfile() {
            page.tab = 1;
            const rotate = findNamed(page.recipientsView, "rotateButton");
            verify(rotate.visible);
            mouseClick(rotate);
            const tokenDialog = page.tokenDialog;
            tryCompare(tokenDialog, "opened", true);
            verify(tokenDialog.rotating);
            verify(findNamed(tokenDialog, "graceBox").visible);
            tokenDialog.graceIndex = 0; // the current token stops now
            findNamed(tokenDialog, "issueTokenButton").forceActiveFocus();
            keyClick(Qt.Key_Return);
            const profileDialog = page.profileDialog;
            tryCompare(profileDialog, "opened", true, 10000);
            verify(findNamed(profileDialog, "profileExpiry").text.indexOf("The previous token stopped working.") >= 0);
            mouseClick(findNamed(profileDialog, "doneButton"));
            tryCompare(profileDialog.leaveDialog, "opened", true);
            mouseClick(findNamed(profileDialog.leaveDialog, "closeAnywayButton"));
            tryCompare(profileDialog, "visible", false);
            compare(controller().profile.text, "");
        }

        function test_5_revokeAsksFirst() {
            page.tab = 1;
            const confirm = page.confirmDialog;
            mouseClick(findNamed(page.recipientsView, "revokeButton"));
            tryCompare(confirm, "opened", true);
            keyClick(Qt.Key_Escape);
            tryCompare(confirm, "visible", false);
            compare(controller().recipients.get(0).status, "active");

            mouseClick(findNamed(page.recipientsView, "revokeButton"));
            tryCompare(confirm, "opened", true);
            mouseClick(findNamed(confirm, "confirmButton"));
            tryCompare(confirm, "visible", false);
            tryVerify(() => controller().recipients.get(0).status === "revoked", 10000);
            tryVerify(() => findNamed(page.recipientsView, "statusBadge").text === "Revoked", 10000);
            verify(findNamed(page.recipientsView, "issueButton").visible);
        }

        function test_6_deleteShareAsksFirst() {
            page.tab = 0;
            const confirm = page.confirmDialog;
            mouseClick(findNamed(page.sharesView, "deleteShareButton"));
            tryCompare(confirm, "opened", true);
            verify(findNamed(confirm, "confirmText").text.indexOf("sales") >= 0);
            tryCompare(findNamed(confirm, "cancelButton"), "activeFocus", true);
            keyClick(Qt.Key_Return); // Enter on Cancel keeps the share
            tryCompare(confirm, "visible", false);
            compare(controller().shares.count, 1);

            mouseClick(findNamed(page.sharesView, "deleteShareButton"));
            tryCompare(confirm, "opened", true);
            mouseClick(findNamed(confirm, "confirmButton"));
            tryCompare(controller().shares, "count", 0, 10000);
            verify(findNamed(page.sharesView, "noShares").visible);
        }
    }
}
