// Generated from the service's OpenAPI document by test/console/api-types.e2e-spec.ts.
// Regenerate with: UPDATE_API_TYPES=1 npm test -- test/console/api-types.e2e-spec.ts

export interface paths {
    "/api/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List audit events (ethics committee) */
        get: operations["AuditController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/situations/{id}/accesses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List accesses to one situation's data */
        get: operations["AuditController_situationAccesses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/anomalies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Report access anomalies over a period */
        get: operations["AuditController_anomalies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the audit chain and its signed checkpoints */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ethics/charter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the charter in force and my acceptance */
        get: operations["EthicsController_charter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ethics/charter/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the charter in force */
        post: operations["EthicsController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password (first step) */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the refresh token for a new token pair */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out (revoke the current session) */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read my account */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List my signed-in sessions */
        get: operations["AuthController_sessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of my sessions */
        delete: operations["AuthController_endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete sign-in with a TOTP or recovery code */
        post: operations["SecondFactorController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/totp/enroll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start enrolling an authenticator app (TOTP) */
        post: operations["SecondFactorController_enrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm TOTP enrolment and receive recovery codes */
        post: operations["SecondFactorController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the state of my second factor */
        get: operations["SecondFactorController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List my passkeys */
        get: operations["PasskeysController_list"];
        put?: never;
        /** Register a passkey */
        post: operations["PasskeysController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/passkeys/registration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Get the options to register a passkey */
        post: operations["PasskeysController_registrationOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/passkeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove one of my passkeys */
        delete: operations["PasskeysController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/passkeys/authentication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Get the options to sign in with a passkey */
        post: operations["PasskeysController_authenticationOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/passkeys/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete sign-in with a passkey */
        post: operations["PasskeysController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tell whether single sign-on is offered */
        get: operations["OidcController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start single sign-on (redirect to Pro Santé Connect) */
        get: operations["OidcController_login"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Finish single sign-on (redirect from the provider) */
        get: operations["OidcController_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List organisations */
        get: operations["OrganizationsController_list"];
        put?: never;
        /** Create an organisation */
        post: operations["OrganizationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename an organisation or correct its kind */
        patch: operations["OrganizationsController_update"];
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List user accounts */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user account */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/second-factor/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a user's second factor */
        post: operations["UsersController_resetSecondFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user account (roles wait for approval) */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/access-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List access changes awaiting a decision */
        get: operations["AccessChangesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-changes/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve an access change */
        post: operations["AccessChangesController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-changes/{id}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse an access change */
        post: operations["AccessChangesController_refuse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the directory of people */
        get: operations["DirectorySearchController_people"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the directory of organisations */
        get: operations["DirectorySearchController_organizations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/situations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the situations I may see */
        get: operations["SituationsController_list"];
        put?: never;
        /** Record a referral (saisine) of a situation */
        post: operations["SituationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/situations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a situation */
        get: operations["SituationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Replace some of a situation's field groups */
        patch: operations["SituationsController_update"];
        trace?: never;
    };
    "/api/situations/{id}/pilot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Designate the référent of a situation */
        post: operations["SituationsController_designatePilot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/situations/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a situation through its workflow */
        post: operations["SituationsController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/situations/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a situation's documents */
        get: operations["DocumentsController_list"];
        put?: never;
        /** Attach a document to a situation */
        post: operations["DocumentsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/situations/{id}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a document */
        get: operations["DocumentsController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/situations/{id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a situation's consents */
        get: operations["ConsentController_list"];
        put?: never;
        /** Record a consent decision */
        post: operations["ConsentController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/situations/{id}/consents/{consentId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a consent */
        post: operations["ConsentController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List commission sessions */
        get: operations["SessionsController_list"];
        put?: never;
        /** Schedule a commission session */
        post: operations["SessionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a commission session */
        get: operations["SessionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a session's date, place or chair */
        patch: operations["SessionsController_update"];
        trace?: never;
    };
    "/api/sessions/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a session through its workflow */
        post: operations["SessionsController_changeStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a situation on the agenda */
        post: operations["SessionsController_addItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an agenda item */
        delete: operations["SessionsController_removeItem"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/items/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Reorder the agenda */
        put: operations["SessionsController_reorder"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/items/{itemId}/invitees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set an agenda item's invitees */
        put: operations["SessionsController_invitees"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/stand-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Name a stand-in for a member */
        post: operations["SessionsController_standIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record attendance */
        post: operations["SessionsController_attendance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/items/{itemId}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record an agenda item's outcome */
        put: operations["SessionsController_outcome"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct an agenda item's outcome */
        patch: operations["SessionsController_correctOutcome"];
        trace?: never;
    };
    "/api/sessions/{id}/items/{itemId}/outcome/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an outcome's earlier versions */
        get: operations["SessionsController_outcomeVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/items/{itemId}/person-response": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the person's response */
        post: operations["SessionsController_personResponse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/minutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the session's minutes */
        get: operations["SessionsController_readMinutes"];
        /** Write the session's minutes */
        put: operations["SessionsController_writeMinutes"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/minutes/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve the minutes (chair) */
        post: operations["SessionsController_approveMinutes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/minutes/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the approved minutes as PDF */
        get: operations["SessionsController_minutesPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/commission/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List commission members */
        get: operations["CommissionController_list"];
        put?: never;
        /** Add a commission member */
        post: operations["CommissionController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/commission/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a commission member */
        patch: operations["CommissionController_update"];
        trace?: never;
    };
    "/api/recommendations/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct a préconisation */
        post: operations["RecommendationsController_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recommendations/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a préconisation's earlier versions */
        get: operations["RecommendationsController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List préconisations to follow up */
        get: operations["RecommendationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recommendations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Close a préconisation (done, abandoned or transferred) */
        patch: operations["RecommendationsController_close"];
        trace?: never;
    };
    "/api/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List referrals to and from the DAC */
        get: operations["ReferralsController_list"];
        put?: never;
        /** Refer a situation to the DAC */
        post: operations["ReferralsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referrals/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a referral received from the DAC */
        post: operations["ReferralsController_inbound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referrals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a referral */
        get: operations["ReferralsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referrals/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a referral's acknowledgement step */
        post: operations["ReferralsController_changeStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referrals/{id}/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a meeting about a referral */
        post: operations["ReferralsController_addMeeting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referrals/{id}/fhir": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export a referral as a FHIR R4 bundle */
        get: operations["ReferralsController_fhir"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read anonymised statistics */
        get: operations["StatisticsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statistics/report.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the statistics report as PDF */
        get: operations["StatisticsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rights-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the rights register */
        get: operations["RightsController_list"];
        put?: never;
        /** Record a data-subject rights request */
        post: operations["RightsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rights-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a rights request */
        get: operations["RightsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Answer or update a rights request */
        patch: operations["RightsController_update"];
        trace?: never;
    };
    "/api/situations/{id}/subject-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compile the subject-access copy of a situation */
        get: operations["SubjectAccessController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention/due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List situations due for destruction */
        get: operations["RetentionController_due"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention/legal-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List legal holds */
        get: operations["RetentionController_holds"];
        put?: never;
        /** Place a legal hold on a situation */
        post: operations["RetentionController_place"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention/legal-holds/{id}/lift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a legal hold */
        post: operations["RetentionController_lift"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/situations/{id}/objection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the person's objection (stops all sharing, leads to closure) */
        post: operations["RightsMeasuresController_object"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/situations/{id}/restriction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restrict processing of a situation (frozen, coordination only) */
        post: operations["RightsMeasuresController_restrict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/situations/{id}/restriction/lift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift the restriction of a situation */
        post: operations["RightsMeasuresController_lift"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List my notifications */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all my notifications read */
        post: operations["NotificationsController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notification read */
        post: operations["NotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check that the service and its database answer */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (METRICS_TOKEN bearer) */
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ProblemFieldErrorDto: {
            /** @example email */
            field: string;
            /**
             * @example [
             *       "email must be an email"
             *     ]
             */
            messages: string[];
        };
        ProblemDto: {
            /** @example https://clsm-cellule.fr/problems/validation */
            type: string;
            /** @example Bad Request */
            title: string;
            /** @example 400 */
            status: number;
            detail?: string;
            /** @example /api/users */
            instance?: string;
            errors?: components["schemas"]["ProblemFieldErrorDto"][];
            /** @description Id of the request in the service logs (also the X-Request-Id header). */
            requestId?: string;
        };
        AuditActorDto: {
            /** Format: uuid */
            userId: string | null;
            /** @description The person's name in the directory (null when `userId` is null or names nobody any more). */
            userName: string | null;
            /** @description The role that authorised the action. */
            role: string | null;
            /** Format: uuid */
            organizationId: string | null;
            /** @description The structure's name in the directory (null when `organizationId` is null or names nobody any more). */
            organizationName: string | null;
        };
        AuditPurposeDto: {
            /** @example session */
            type: string;
            id: string;
        };
        AuditEventDto: {
            seq: number;
            recordedAt: string;
            actor: components["schemas"]["AuditActorDto"];
            /** @example situation.read */
            action: string;
            /** @example situation */
            resourceType: string;
            resourceId: string | null;
            /** Format: uuid */
            situationId: string | null;
            /** @enum {string} */
            outcome: "granted" | "denied" | "error";
            purpose: components["schemas"]["AuditPurposeDto"] | null;
            policyVersion: string | null;
            requestId: string | null;
            clientAddress: string | null;
        };
        AuditEventPageDto: {
            items: components["schemas"]["AuditEventDto"][];
            /**
             * Format: int64
             * @description Number of matching items, all pages together.
             */
            total: number;
            /** Format: int32 */
            limit: number;
            /** Format: int32 */
            offset: number;
        };
        BrokenEntryDto: {
            seq: number;
            /** @enum {string} */
            kind: "missing_entry" | "broken_link" | "hash_mismatch" | "invalid_mac" | "columns_differ" | "invalid_checkpoint_signature" | "checkpoint_mismatch" | "truncated_tail" | "checkpoint_missing";
            /** @example hash does not match the recorded content */
            problem: string;
        };
        AuditChainStatusDto: {
            /**
             * @description As last established by the service: at start, before each checkpoint, by a full verification.
             * @enum {string}
             */
            state: "unverified" | "intact" | "broken";
            /** @description The first broken entry, when the chain is broken. */
            firstBroken?: components["schemas"]["BrokenEntryDto"];
            checkedAt?: string | null;
        };
        DeniedBurstDto: {
            /** Format: uuid */
            actorUserId: string | null;
            /** @description The person's name in the directory (null when `actorUserId` is null or names nobody any more). */
            actorUserName: string | null;
            /** @description Set when no account is known (failed logins). */
            clientAddress: string | null;
            windowStart: string;
            denials: number;
        };
        UnusualVolumeDto: {
            /** Format: uuid */
            actorUserId: string;
            /** @description The person's name in the directory (null when `actorUserId` is null or names nobody any more). */
            actorUserName: string | null;
            /** @example 2026-11-21 */
            day: string;
            reads: number;
            /** @description The user's mean daily reads over the other days of the period. */
            usualDailyReads: number;
        };
        AccessAnomalyDto: {
            seq: number;
            /** Format: uuid */
            actorUserId: string;
            /** @description The person's name in the directory (null when `actorUserId` is null or names nobody any more). */
            actorUserName: string | null;
            /** Format: uuid */
            situationId: string;
            recordedAt: string;
        };
        AnomalyReportDto: {
            from: string;
            to: string;
            /** @description The audit chain's integrity; when broken, the first broken entry (seq and kind of break). */
            auditChain: components["schemas"]["AuditChainStatusDto"];
            /** @description Five or more denials by one actor within ten minutes. */
            deniedBursts: components["schemas"]["DeniedBurstDto"][];
            /** @description Days with at least 20 reads and three times the usual volume. */
            unusualVolume: components["schemas"]["UnusualVolumeDto"][];
            /** @description Accesses justified by an agenda item outside its session window (should never happen). */
            accessOutsideSessionWindow: components["schemas"]["AccessAnomalyDto"][];
            /** @description Denied attempts on a situation after the person withdrew consent for review. */
            accessAfterConsentWithdrawal: components["schemas"]["AccessAnomalyDto"][];
        };
        CheckpointDto: {
            /** @description The entry whose hash it signs. */
            seq: number;
            signedAt: string;
        };
        VerificationReportDto: {
            valid: boolean;
            entriesVerified: number;
            checkpointsVerified: number;
            lastSeq: number;
            /** @description Queries the entries were read in (keyset pagination on seq). */
            batches: number;
            firstBroken?: components["schemas"]["BrokenEntryDto"];
            /** @description The last signed checkpoint the verification covered; null before the first one is signed. */
            lastCheckpoint: components["schemas"]["CheckpointDto"] | null;
        };
        CharterDto: {
            /** @example 2026-1 */
            version: string;
            /** @description The charter, in French (Markdown). */
            text: string;
            /** @description When you accepted this version; null if not yet. */
            acceptedAt: string | null;
        };
        AcceptCharterDto: {
            /**
             * @description The version you have read and accept.
             * @example 2026-1
             */
            version: string;
        };
        CharterAcceptanceDto: {
            version: string;
            acceptedAt: string;
        };
        LoginDto: {
            /**
             * Format: email
             * @example c.martin@ccas-metz.fr
             */
            email: string;
            password: string;
            /**
             * @description Where the refresh token goes. 'cookie' (the browser console): an HttpOnly SameSite=Strict cookie limited to /api/auth, plus a readable CSRF cookie to repeat in the X-CSRF-Token header; the token is then absent from the body.
             * @default body
             * @enum {string}
             */
            refreshTokenIn: "body" | "cookie";
        };
        LoginResultDto: {
            /** @description Present once signed in. */
            accessToken?: string;
            /** @example Bearer */
            tokenType?: string;
            /** @description Lifetime of the access token, in seconds. */
            expiresIn?: number;
            /** @description Absent when it was set as a cookie. */
            refreshToken?: string;
            refreshTokenExpiresAt?: string;
            /** @description A second factor is due: send a code with the mfaToken to POST /api/auth/mfa/verify. */
            mfaRequired?: boolean;
            /** @description The account must enrol a second factor first (POST /api/auth/mfa/totp/enroll with the mfaToken). */
            mfaEnrollmentRequired?: boolean;
            /** @description Valid five minutes, for the second-factor routes only. */
            mfaToken?: string;
        };
        RefreshDto: {
            /** @description The refresh token from the last login or refresh (single use). Absent: the refresh cookie is used, with the X-CSRF-Token header, and the new token is set as a cookie again. */
            refreshToken?: string;
        };
        TokenPairDto: {
            /** @description Bearer token for the Authorization header. */
            accessToken: string;
            /** @example Bearer */
            tokenType: string;
            /** @description Lifetime of the access token, in seconds. */
            expiresIn: number;
            /** @description Single-use token for POST /api/auth/refresh; rotates on each use. Absent when it was set as a cookie. */
            refreshToken?: string;
            refreshTokenExpiresAt: string;
        };
        UserDto: {
            /** Format: uuid */
            id: string;
            email: string;
            displayName: string;
            /** Format: uuid */
            organizationId: string | null;
            /** @description The structure's name in the directory (null when `organizationId` is null or names nobody any more). */
            organizationName: string | null;
            /** @enum {string} */
            professionalCategory: "physician" | "nurse" | "psychologist" | "social_worker" | "educator" | "legal_protector" | "housing_officer" | "elected_official" | "peer_worker" | "administrative" | "coordinator" | "other";
            roles: ("admin" | "coordinator" | "member" | "referrer" | "ethics" | "dac")[];
            active: boolean;
            /** @description Professional identifier linked for single sign-on. */
            professionalId: string | null;
            /** @description A second factor (TOTP) is set up. */
            secondFactorEnrolled: boolean;
            createdAt: string;
            /**
             * Format: uuid
             * @description Present after a change: the part that widens access to case content waits for the ethics committee (GET /api/access-changes).
             */
            pendingAccessChangeId?: string | null;
        };
        AuthSessionDto: {
            /** Format: uuid */
            id: string;
            createdAt: string;
            /** @description Last request made with this session; it ends after AUTH_IDLE_TIMEOUT_MINUTES without one. */
            lastUsedAt: string;
            /** @description The browser or client that signed in (its user agent). */
            client: string | null;
            /** @description The session this request is made with. */
            current: boolean;
        };
        MfaVerifyDto: {
            /** @description The mfaToken from POST /api/auth/login. */
            mfaToken: string;
            /**
             * @description The 6-digit code of the authenticator app, or one recovery code.
             * @example 123456
             */
            code: string;
            /**
             * @description Where the refresh token goes once signed in (see POST /api/auth/login).
             * @default body
             * @enum {string}
             */
            refreshTokenIn: "body" | "cookie";
        };
        TotpEnrolmentDto: {
            /** @description The shared secret, base32 (to type into an authenticator app). */
            secret: string;
            /**
             * @description The same secret as a URI (to show as a QR code).
             * @example otpauth://totp/CLSM%20cellule%20cas%20complexes:c.martin%40ccas-metz.fr?secret=…
             */
            otpauthUrl: string;
        };
        MfaConfirmDto: {
            /**
             * @description A code from the new secret.
             * @example 123456
             */
            code: string;
            /**
             * @description Where the refresh token goes once signed in (see POST /api/auth/login).
             * @default body
             * @enum {string}
             */
            refreshTokenIn: "body" | "cookie";
        };
        MfaConfirmationDto: {
            /** @description Present once signed in. */
            accessToken?: string;
            /** @example Bearer */
            tokenType?: string;
            /** @description Lifetime of the access token, in seconds. */
            expiresIn?: number;
            /** @description Absent when it was set as a cookie. */
            refreshToken?: string;
            refreshTokenExpiresAt?: string;
            /** @description A second factor is due: send a code with the mfaToken to POST /api/auth/mfa/verify. */
            mfaRequired?: boolean;
            /** @description The account must enrol a second factor first (POST /api/auth/mfa/totp/enroll with the mfaToken). */
            mfaEnrollmentRequired?: boolean;
            /** @description Valid five minutes, for the second-factor routes only. */
            mfaToken?: string;
            /** @description Ten single-use recovery codes, shown this once: keep them somewhere safe. */
            recoveryCodes: string[];
        };
        SecondFactorStatusDto: {
            /** @description A TOTP second factor is set up. */
            enrolled: boolean;
            /** @description Recovery codes not used yet. */
            recoveryCodesLeft: number;
            /** @description Passkeys registered (WebAuthn), the other way to give the second factor. */
            passkeys: number;
            /**
             * @description AUTH_MFA: whether every account must have one.
             * @enum {string}
             */
            policy: "required" | "optional";
        };
        PasskeyDto: {
            /** Format: uuid */
            id: string;
            name: string;
            createdAt: string;
            lastUsedAt: string | null;
        };
        WebAuthnOptionsDto: {
            publicKey: {
                [key: string]: unknown;
            };
        };
        PasskeyCredentialDto: {
            /** @description Credential id, base64url. */
            id: string;
            rawId: string;
            /** @enum {string} */
            type: "public-key";
            /** @description clientDataJSON with attestationObject (registration) or authenticatorData and signature (sign-in), base64url. */
            response: {
                [key: string]: unknown;
            };
            clientExtensionResults?: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            authenticatorAttachment?: "platform" | "cross-platform";
        };
        RegisterPasskeyDto: {
            credential: components["schemas"]["PasskeyCredentialDto"];
            /**
             * @description A name the person recognises the key by.
             * @example Ordinateur du CCAS
             */
            name: string;
        };
        PasskeySignInOptionsRequestDto: {
            /** @description The mfaToken from POST /api/auth/login. */
            mfaToken: string;
        };
        VerifyPasskeyDto: {
            /** @description The mfaToken from POST /api/auth/login. */
            mfaToken: string;
            credential: components["schemas"]["PasskeyCredentialDto"];
            /**
             * @default body
             * @enum {string}
             */
            refreshTokenIn: "body" | "cookie";
        };
        SingleSignOnDto: {
            /** @description Single sign-on is configured (OIDC_ISSUER). */
            enabled: boolean;
            /** @example Pro Santé Connect */
            name: string;
        };
        CreateOrganizationDto: {
            /** @example CCAS de Metz */
            name: string;
            /** @enum {string} */
            kind: "psychiatry_sector" | "municipal_social_service" | "ccas" | "departement_social_service" | "housing_provider" | "user_association" | "family_association" | "dac" | "justice_police" | "other";
            /**
             * @description Numéro FINESS de la structure (9 chiffres, clé de Luhn)
             * @example 570000687
             */
            finess?: string;
        };
        OrganizationDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "psychiatry_sector" | "municipal_social_service" | "ccas" | "departement_social_service" | "housing_provider" | "user_association" | "family_association" | "dac" | "justice_police" | "other";
            /** @description Numéro FINESS */
            finess: string | null;
            createdAt: string;
        };
        OrganizationPageDto: {
            items: components["schemas"]["OrganizationDto"][];
            /**
             * Format: int64
             * @description Number of matching items, all pages together.
             */
            total: number;
            /** Format: int32 */
            limit: number;
            /** Format: int32 */
            offset: number;
        };
        UpdateOrganizationDto: {
            name?: string;
            /** @enum {string} */
            kind?: "psychiatry_sector" | "municipal_social_service" | "ccas" | "departement_social_service" | "housing_provider" | "user_association" | "family_association" | "dac" | "justice_police" | "other";
            /** @description Numéro FINESS (9 chiffres, clé de Luhn); null l’efface */
            finess?: string | null;
        };
        CreateUserDto: {
            /**
             * Format: email
             * @example c.martin@ccas-metz.fr
             */
            email: string;
            /** @example Claire Martin */
            displayName: string;
            /**
             * Format: uuid
             * @description null or omitted: no organisation.
             */
            organizationId?: string | null;
            /** @enum {string} */
            professionalCategory: "physician" | "nurse" | "psychologist" | "social_worker" | "educator" | "legal_protector" | "housing_officer" | "elected_official" | "peer_worker" | "administrative" | "coordinator" | "other";
            roles: ("admin" | "coordinator" | "member" | "referrer" | "ethics" | "dac")[];
            /** @description National professional identifier (RPPS/ADELI as Pro Santé Connect presents it) linking the account for single sign-on. */
            professionalId?: string;
            /** @description At least 12 characters, not the e-mail. */
            password: string;
        };
        UserPageDto: {
            items: components["schemas"]["UserDto"][];
            /**
             * Format: int64
             * @description Number of matching items, all pages together.
             */
            total: number;
            /** Format: int32 */
            limit: number;
            /** Format: int32 */
            offset: number;
        };
        UpdateUserDto: {
            /** @description false deactivates the account: its access ends at the next request. */
            active?: boolean;
            roles?: ("admin" | "coordinator" | "member" | "referrer" | "ethics" | "dac")[];
            displayName?: string;
            /** @enum {string} */
            professionalCategory?: "physician" | "nurse" | "psychologist" | "social_worker" | "educator" | "legal_protector" | "housing_officer" | "elected_official" | "peer_worker" | "administrative" | "coordinator" | "other";
            /**
             * Format: uuid
             * @description The structure the account belongs to; null detaches it at once. Joining one, for an account with a case role, waits for the ethics committee.
             */
            organizationId?: string | null;
            /** @description Links single sign-on to this professional identifier; null unlinks it. */
            professionalId?: string | null;
        };
        AccessChangeDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            userId: string;
            /** @description The person's name in the directory (null when `userId` is null or names nobody any more). */
            userName: string | null;
            /** @description Display name of the account concerned. */
            userDisplayName: string;
            /** @description Roles added once approved. */
            addRoles: ("admin" | "coordinator" | "member" | "referrer" | "ethics" | "dac")[];
            /**
             * @description Category set once approved.
             * @enum {string|null}
             */
            professionalCategory?: "physician" | "nurse" | "psychologist" | "social_worker" | "educator" | "legal_protector" | "housing_officer" | "elected_official" | "peer_worker" | "administrative" | "coordinator" | "other" | null;
            /**
             * Format: uuid
             * @description The structure the account joins once approved.
             */
            organizationId: string | null;
            /** @description The structure's name in the directory (null when `organizationId` is null or names nobody any more). */
            organizationName: string | null;
            /** Format: uuid */
            requestedBy: string | null;
            /** @description The person's name in the directory (null when `requestedBy` is null or names nobody any more). */
            requestedByName: string | null;
            requestedAt: string;
            /** @enum {string} */
            status: "pending" | "approved" | "refused" | "withdrawn";
            /** Format: uuid */
            decidedBy: string | null;
            /** @description The person's name in the directory (null when `decidedBy` is null or names nobody any more). */
            decidedByName: string | null;
            decidedAt: string | null;
            decisionReason?: string | null;
        };
        AccessChangePageDto: {
            items: components["schemas"]["AccessChangeDto"][];
            /**
             * Format: int64
             * @description Number of matching items, all pages together.
             */
            total: number;
            /** Format: int32 */
            limit: number;
            /** Format: int32 */
            offset: number;
        };
        AccessChangeDecisionDto: {
            /** @description Required to refuse; optional to approve. */
            reason?: string;
        };
        PersonDto: {
            /** Format: uuid */
            id: string;
            displayName: string;
            /** Format: uuid */
            organizationId: string | null;
            organizationName: string | null;
            /** @enum {string} */
            professionalCategory: "physician" | "nurse" | "psychologist" | "social_worker" | "educator" | "legal_protector" | "housing_officer" | "elected_official" | "peer_worker" | "administrative" | "coordinator" | "other";
            roles: ("admin" | "coordinator" | "member" | "referrer" | "ethics" | "dac")[];
        };
        PersonPageDto: {
            items: components["schemas"]["PersonDto"][];
            /**
             * Format: int64
             * @description Number of matching items, all pages together.
             */
            total: number;
            /** Format: int32 */
            limit: number;
            /** Format: int32 */
            offset: number;
        };
        DirectoryOrganizationDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "psychiatry_sector" | "municipal_social_service" | "ccas" | "departement_social_service" | "housing_provider" | "user_association" | "family_association" | "dac" | "justice_police" | "other";
        };
        DirectoryOrganizationPageDto: {
            items: components["schemas"]["DirectoryOrganizationDto"][];
            /**
             * Format: int64
             * @description Number of matching items, all pages together.
             */
            total: number;
            /** Format: int32 */
            limit: number;
            /** Format: int32 */
            offset: number;
        };
        ScreeningDto: {
            /** @description La personne ou son entourage est-elle en danger immédiat ? (oui : true, non : false) */
            immediateDanger: boolean;
            /** @description La personne a-t-elle besoin de soins médicaux urgents ? (oui : true, non : false) */
            acuteMedicalNeed: boolean;
            /** @description La personne a-t-elle exprimé des idées suicidaires ou un projet de passage à l’acte ? (oui : true, non : false) */
            suicidalRisk: boolean;
        };
        InsDto: {
            /**
             * @description Matricule INS (15 caractères, clé comprise)
             * @example 184037511600572
             */
            matricule: string;
            /**
             * @description NIR (numéro définitif) ou NIA (numéro identifiant d’attente)
             * @enum {string}
             */
            kind: "nir" | "nia";
        };
        IdentityDto: {
            /**
             * @description Nom de naissance
             * @example Dupont
             */
            birthName: string;
            /**
             * @description Nom d'usage
             * @example Martin
             */
            usedName?: string;
            /**
             * @description Prénoms
             * @example Marie Louise
             */
            firstNames: string;
            /**
             * Format: date
             * @description Date de naissance (passée, depuis 1900)
             * @example 1984-03-21
             */
            birthDate: string;
            /** @enum {string} */
            sex: "female" | "male" | "other" | "unknown";
            /** @description INS, seulement lorsqu’il est connu (identité qualifiée par le téléservice INSi) */
            ins?: components["schemas"]["InsDto"];
        };
        ContactDto: {
            address?: string;
            /** @description Quartier, when the address is not known */
            district?: string;
            /** @example 06 12 34 56 78 */
            phone?: string;
        };
        ContactPersonDto: {
            name: string;
            organisation?: string;
            /** @description Fonction */
            role?: string;
            phone?: string;
            /** Format: email */
            email?: string;
        };
        LegalProtectionDto: {
            /** @enum {string} */
            measure: "sauvegarde_de_justice" | "curatelle" | "curatelle_renforcee" | "tutelle" | "habilitation_familiale" | "mandat_protection_future";
            /** @description Représentant légal (tuteur, curateur…) */
            representative: components["schemas"]["ContactPersonDto"];
        };
        SocialDto: {
            legalProtection?: components["schemas"]["LegalProtectionDto"];
            /** @description How the commission reaches the referring professional */
            referrerContact: components["schemas"]["ContactPersonDto"];
            professionalsInvolved: components["schemas"]["ContactPersonDto"][];
        };
        HealthDto: {
            details?: string;
        };
        NarrativeDto: {
            narrative: string;
            /** @description Ce qui a déjà été tenté */
            alreadyTried: string;
            /** @description Ce qui est attendu de la commission */
            expectations: string;
        };
        CreateSituationDto: {
            /** @description Repérage de l’urgence : chaque question reçoit une réponse oui (true) ou non (false). */
            screening: components["schemas"]["ScreeningDto"];
            identity: components["schemas"]["IdentityDto"];
            contact?: components["schemas"]["ContactDto"];
            social: components["schemas"]["SocialDto"];
            health?: components["schemas"]["HealthDto"];
            narrative: components["schemas"]["NarrativeDto"];
            problemAreas: ("housing" | "care_continuity" | "isolation" | "neighbourhood_conflict" | "access_to_rights" | "addiction" | "family" | "other")[];
        };
        ReferrerRefDto: {
            /** Format: uuid */
            userId: string;
            /** @description The person's name in the directory (null when `userId` is null or names nobody any more). */
            userName: string | null;
            /** Format: uuid */
            organizationId: string | null;
            /** @description The structure's name in the directory (null when `organizationId` is null or names nobody any more). */
            organizationName: string | null;
        };
        TransitionViewDto: {
            /** @enum {string} */
            from: "submitted" | "admissible" | "rejected" | "redirected" | "in_preparation" | "scheduled" | "reviewed" | "follow_up" | "closed";
            /** @enum {string} */
            to: "submitted" | "admissible" | "rejected" | "redirected" | "in_preparation" | "scheduled" | "reviewed" | "follow_up" | "closed";
            at: string;
            /** Format: uuid */
            actorUserId: string;
            /** @description The person's name in the directory (null when `actorUserId` is null or names nobody any more). */
            actorUserName: string | null;
            /** @description Rejection, redirection or closure reason. */
            reason?: string;
            /** @enum {string} */
            outcome?: "resolved" | "partially_resolved" | "not_resolved" | "person_declined" | "moved_away" | "deceased" | "redirected";
            /** @enum {string} */
            redirectedTo?: "dac" | "other_service";
        };
        RightsMeasureViewDto: {
            /** @enum {string} */
            kind: "objection" | "restriction";
            at: string;
            /** Format: uuid */
            actorUserId: string;
            /** @description The person's name in the directory (null when `actorUserId` is null or names nobody any more). */
            actorUserName: string | null;
            /** @description Why (encrypted, narrative group). */
            reason?: string;
            /**
             * Format: uuid
             * @description The rights request it answers.
             */
            rightsRequestId?: Record<string, never> | null;
            /** @description A restriction lifted: when, by whom, why. */
            liftedAt?: string;
            /** Format: uuid */
            liftedByUserId?: string;
            /** @description The person's name in the directory (null when `liftedByUserId` is null or names nobody any more). */
            liftedByUserName?: string | null;
            liftReason?: string;
            /** @description An objection whose situation is not closed yet (préconisations to settle, saisine to decide). */
            closurePending?: boolean;
        };
        SituationDto: {
            /** Format: uuid */
            id: string;
            /** @example 2026-014 */
            reference: string;
            /** @enum {string} */
            status: "submitted" | "admissible" | "rejected" | "redirected" | "in_preparation" | "scheduled" | "reviewed" | "follow_up" | "closed";
            year: number;
            problemAreas: ("housing" | "care_continuity" | "isolation" | "neighbourhood_conflict" | "access_to_rights" | "addiction" | "family" | "other")[];
            referrer: components["schemas"]["ReferrerRefDto"];
            createdAt: string;
            updatedAt: string;
            /** @description Present only for readers entitled to the identity group. */
            identity?: components["schemas"]["IdentityDto"];
            /** @description Decade of birth, the only identity datum kept in clear (statistics). */
            birthDecade: number;
            /** @enum {string|null} */
            closureOutcome?: "resolved" | "partially_resolved" | "not_resolved" | "person_declined" | "moved_away" | "deceased" | "redirected" | null;
            /** @enum {string|null} */
            redirectedTo?: "dac" | "other_service" | null;
            contact?: components["schemas"]["ContactDto"];
            social?: components["schemas"]["SocialDto"];
            health?: components["schemas"]["HealthDto"];
            narrative?: components["schemas"]["NarrativeDto"];
            history?: components["schemas"]["TransitionViewDto"][];
            /** @description Objection and restriction of processing (GDPR art. 21 and 18), oldest first. */
            rightsMeasures?: components["schemas"]["RightsMeasureViewDto"][];
            /** @description A restriction of processing holds: the file is frozen. */
            restricted?: boolean;
            /** @description Open situations that seem to concern the same person (coordinators only). */
            possibleDuplicates?: string[];
        };
        SituationSummaryDto: {
            /** Format: uuid */
            id: string;
            /** @example 2026-014 */
            reference: string;
            /** @enum {string} */
            status: "submitted" | "admissible" | "rejected" | "redirected" | "in_preparation" | "scheduled" | "reviewed" | "follow_up" | "closed";
            year: number;
            problemAreas: ("housing" | "care_continuity" | "isolation" | "neighbourhood_conflict" | "access_to_rights" | "addiction" | "family" | "other")[];
            referrer: components["schemas"]["ReferrerRefDto"];
            createdAt: string;
            updatedAt: string;
            /** @description Present only for readers entitled to the identity group. */
            identity?: components["schemas"]["IdentityDto"];
        };
        SituationPageDto: {
            items: components["schemas"]["SituationSummaryDto"][];
            /**
             * Format: int64
             * @description Number of matching items, all pages together.
             */
            total: number;
            /** Format: int32 */
            limit: number;
            /** Format: int32 */
            offset: number;
        };
        UpdateSituationDto: {
            /** @description Fields of identity to change (see IdentityDto): a field sent replaces it, null clears it, a field not sent is kept. The result must be a valid IdentityDto. */
            identity?: {
                [key: string]: unknown;
            };
            /** @description Fields of contact to change (see ContactDto): a field sent replaces it, null clears it, a field not sent is kept. The result must be a valid ContactDto. */
            contact?: {
                [key: string]: unknown;
            };
            /** @description Fields of social to change (see SocialDto): a field sent replaces it, null clears it, a field not sent is kept. The result must be a valid SocialDto. */
            social?: {
                [key: string]: unknown;
            };
            /** @description Fields of health to change (see HealthDto): a field sent replaces it, null clears it, a field not sent is kept. The result must be a valid HealthDto. */
            health?: {
                [key: string]: unknown;
            };
            /** @description Fields of narrative to change (see NarrativeDto): a field sent replaces it, null clears it, a field not sent is kept. The result must be a valid NarrativeDto. */
            narrative?: {
                [key: string]: unknown;
            };
            problemAreas?: ("housing" | "care_continuity" | "isolation" | "neighbourhood_conflict" | "access_to_rights" | "addiction" | "family" | "other")[];
        };
        DesignatePilotDto: {
            /**
             * Format: uuid
             * @description An active member of the commission.
             */
            userId: string;
        };
        TransitionDto: {
            /** @enum {string} */
            to: "submitted" | "admissible" | "rejected" | "redirected" | "in_preparation" | "scheduled" | "reviewed" | "follow_up" | "closed";
            /** @description Required to reject or redirect (encrypted). */
            reason?: string;
            /**
             * @description Required to redirect.
             * @enum {string}
             */
            redirectedTo?: "dac" | "other_service";
            /**
             * @description Required to close.
             * @enum {string}
             */
            outcome?: "resolved" | "partially_resolved" | "not_resolved" | "person_declined" | "moved_away" | "deceased" | "redirected";
        };
        DocumentDto: {
            /** Format: uuid */
            id: string;
            /**
             * @description Detected from the content.
             * @example application/pdf
             */
            mediaType: string;
            sizeBytes: number;
            /** @example bilan-social.pdf */
            filename: string;
            /** Format: uuid */
            uploadedBy: string;
            /** @description The person's name in the directory (null when `uploadedBy` is null or names nobody any more). */
            uploadedByName: string | null;
            uploadedAt: string;
        };
        RepresentativeDto: {
            /** @description Nom du représentant légal */
            name: string;
            /** @enum {string} */
            measure: "sauvegarde_de_justice" | "curatelle" | "curatelle_renforcee" | "tutelle" | "habilitation_familiale" | "mandat_protection_future";
        };
        StatementDto: {
            /** @description Professionnel qui a recueilli la déclaration */
            recordedBy: string;
            /**
             * Format: date
             * @example 2026-11-20
             */
            recordedOn: string;
        };
        RecordConsentDto: {
            /** @enum {string} */
            givenBy: "person" | "legal_representative";
            /** @description Required when givenBy is legal_representative. */
            representative?: components["schemas"]["RepresentativeDto"];
            /** @enum {string} */
            method: "signed_form" | "oral_statement";
            /**
             * Format: uuid
             * @description The signed form, uploaded as a document of the situation (signed_form).
             */
            documentId?: string;
            /** @description Required for an oral statement. */
            statement?: components["schemas"]["StatementDto"];
            /** @enum {string} */
            purpose: "review" | "dac_transmission" | "attendance";
            /** @enum {string} */
            decision: "given" | "refused";
            /**
             * Format: date
             * @description When the person (or representative) gave or refused it.
             * @example 2026-11-20
             */
            givenOn: string;
            /**
             * Format: date
             * @description Optional end date; otherwise valid until withdrawn.
             * @example 2027-11-20
             */
            validUntil?: string;
            /** @description Structures the person refuses to involve (organisation ids). */
            refusedOrganizationIds?: string[];
        };
        ConsentDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            purpose: "review" | "dac_transmission" | "attendance";
            /** @enum {string} */
            decision: "given" | "refused" | "withdrawn";
            /** @enum {string} */
            givenBy: "person" | "legal_representative";
            representative?: components["schemas"]["RepresentativeDto"];
            /** @enum {string} */
            method: "signed_form" | "oral_statement";
            /** Format: uuid */
            documentId?: string | null;
            statement?: components["schemas"]["StatementDto"];
            givenOn: string;
            validUntil?: string | null;
            refusedOrganizationIds: string[];
            /** @description The structures' names in the directory, in the order of `refusedOrganizationIds` (null: no longer in the directory). */
            refusedOrganizationNames: (string | null)[];
            /** Format: uuid */
            withdrawsConsentId?: string | null;
            /** Format: uuid */
            recordedByUserId: string;
            /** @description The person's name in the directory (null when `recordedByUserId` is null or names nobody any more). */
            recordedByUserName: string | null;
            recordedAt: string;
            /** @description This record is the one in force for its purpose, and grants consent today. */
            inForce: boolean;
        };
        WithdrawConsentDto: {
            /** @enum {string} */
            givenBy: "person" | "legal_representative";
            /** @description Required when givenBy is legal_representative. */
            representative?: components["schemas"]["RepresentativeDto"];
            /** @enum {string} */
            method: "signed_form" | "oral_statement";
            /**
             * Format: uuid
             * @description The signed form, uploaded as a document of the situation (signed_form).
             */
            documentId?: string;
            /** @description Required for an oral statement. */
            statement?: components["schemas"]["StatementDto"];
        };
        CreateSessionDto: {
            /**
             * Format: date-time
             * @description ISO 8601 with an offset.
             * @example 2026-12-10T14:00:00+01:00
             */
            scheduledAt: string;
            /** @example Mairie de Borny, salle 2 — ou lien de visioconférence */
            location: string;
            /**
             * Format: uuid
             * @description The permanent or substitute member who chairs the session (approves its minutes).
             */
            chairUserId?: string;
        };
        PersonResponseDto: {
            /** @enum {string} */
            status: "agreed" | "partly_agreed" | "refused" | "not_yet_asked";
            /**
             * Format: date
             * @description When the person answered (required unless not_yet_asked).
             * @example 2026-12-12
             */
            on?: string;
            /** @description How it was recorded (encrypted), e.g. lors d’un entretien avec le référent. */
            how?: string;
        };
        RecommendationViewDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            situationId: string;
            /**
             * @description The situation's case reference (never the person's name).
             * @example CC-2026-0042
             */
            situationReference: string;
            action: string;
            /** Format: uuid */
            carrierUserId: string | null;
            /** @description The person's name in the directory (null when `carrierUserId` is null or names nobody any more). */
            carrierUserName: string | null;
            /** Format: uuid */
            carrierOrganizationId: string | null;
            /** @description The structure's name in the directory (null when `carrierOrganizationId` is null or names nobody any more). */
            carrierOrganizationName: string | null;
            dueDate: string;
            /** @enum {string} */
            status: "open" | "done" | "abandoned" | "transferred";
            /** @description Its current version: 1, then one more at each correction. */
            version: number;
            /**
             * Format: uuid
             * @description Who marked it done, abandoned or transferred.
             */
            closedBy?: string;
            /** @description The person's name in the directory (null when `closedBy` is null or names nobody any more). */
            closedByName?: string | null;
            closedAt?: string;
            overdue: boolean;
            note?: string;
        };
        OutcomeViewDto: {
            summary: string;
            nextReviewDate?: string | null;
            personResponse: components["schemas"]["PersonResponseDto"];
            recommendations: components["schemas"]["RecommendationViewDto"][];
        };
        AgendaItemViewDto: {
            /** Format: uuid */
            id: string;
            position: number;
            /** Format: uuid */
            situationId: string;
            reference: string;
            personAttends: boolean;
            carersAttend: boolean;
            /** @description Coordinators only. */
            invitedUserIds?: string[];
            /** @description The persons' names in the directory, in the order of `invitedUserIds` (null: no longer in the directory). */
            invitedUserNames?: (string | null)[];
            /** @description The situation was destroyed at the end of its retention period: only its reference remains. */
            destroyed?: boolean;
            outcome?: components["schemas"]["OutcomeViewDto"];
        };
        SessionDto: {
            /** Format: uuid */
            id: string;
            scheduledAt: string;
            location: string;
            /** @enum {string} */
            status: "planned" | "agenda_published" | "held" | "minutes_approved" | "cancelled";
            /**
             * Format: uuid
             * @description The member who chairs the session.
             */
            chairUserId: string | null;
            /** @description The person's name in the directory (null when `chairUserId` is null or names nobody any more). */
            chairUserName: string | null;
            /** @description Only the items you may see. */
            items: components["schemas"]["AgendaItemViewDto"][];
        };
        SessionPageDto: {
            items: components["schemas"]["SessionDto"][];
            /**
             * Format: int64
             * @description Number of matching items, all pages together.
             */
            total: number;
            /** Format: int32 */
            limit: number;
            /** Format: int32 */
            offset: number;
        };
        UpdateSessionDto: {
            /**
             * Format: uuid
             * @description The member who chairs the session.
             */
            chairUserId?: string;
            /**
             * Format: date-time
             * @description ISO 8601 with an offset.
             * @example 2026-12-10T14:00:00+01:00
             */
            scheduledAt?: string;
            location?: string;
        };
        SessionStatusDto: {
            /**
             * @description Publishing the agenda opens access to convened members and invitees.
             * @enum {string}
             */
            to: "agenda_published" | "held" | "cancelled";
            /** @description Why the session is cancelled: written in the history of each situation sent back to preparation (encrypted). */
            reason?: string;
        };
        AddAgendaItemDto: {
            /** Format: uuid */
            situationId: string;
            /** @description Professionals invited for this item only (users). */
            invitedUserIds: string[];
            /** @description The person attends (requires their consent for attendance). */
            personAttends: boolean;
            /** @description Their carers attend (requires consent for attendance). */
            carersAttend: boolean;
        };
        RemoveAgendaItemDto: {
            /** @description Why the item is taken off the agenda: written in the situation's history (encrypted). */
            reason?: string;
        };
        AgendaOrderDto: {
            /** @description Every item of the agenda, once, in the new order. */
            itemIds: string[];
        };
        InviteesDto: {
            /** @description The professionals invited for this item (replaces the list). */
            invitedUserIds: string[];
        };
        StandInDto: {
            /**
             * Format: uuid
             * @description The permanent member who is replaced.
             */
            memberId: string;
            /**
             * Format: uuid
             * @description Their substitute, who is convened instead.
             */
            substituteMemberId: string;
        };
        AttendeeDto: {
            /** Format: uuid */
            userId: string;
            /** @enum {string} */
            as: "member" | "substitute" | "invitee";
            /** @description Items attended; omitted: the whole session. */
            itemIds?: string[];
        };
        AttendanceDto: {
            attendees: components["schemas"]["AttendeeDto"][];
            /** @description Items at which the person was present. */
            personAttendedItemIds: string[];
            /** @description Items at which carers were present. */
            carersAttendedItemIds: string[];
        };
        RecommendationInputDto: {
            /** @description The action (encrypted). */
            action: string;
            /**
             * Format: uuid
             * @description The person who carries it (a user).
             */
            carrierUserId?: string;
            /**
             * Format: uuid
             * @description The structure that carries it.
             */
            carrierOrganizationId?: string;
            /**
             * Format: date
             * @example 2027-01-15
             */
            dueDate: string;
        };
        OutcomeDto: {
            /** @description Summary of the discussion (encrypted). */
            summary: string;
            recommendations: components["schemas"]["RecommendationInputDto"][];
            /**
             * Format: uuid
             * @description The référent who follows the situation.
             */
            pilotUserId: string;
            /**
             * Format: date
             * @example 2027-03-10
             */
            nextReviewDate?: string;
            personResponse: components["schemas"]["PersonResponseDto"];
        };
        CorrectOutcomeDto: {
            /** @description The corrected summary (encrypted). */
            summary?: string;
            /**
             * Format: date
             * @example 2027-03-10
             */
            nextReviewDate?: string;
            /** @description Why it is corrected: kept with the earlier version (encrypted). */
            reason: string;
        };
        OutcomeVersionDto: {
            version: number;
            summary: string;
            nextReviewDate: string | null;
            /**
             * Format: uuid
             * @description Who wrote this version.
             */
            recordedBy: string;
            /** @description The person's name in the directory (null when `recordedBy` is null or names nobody any more). */
            recordedByName: string | null;
            recordedAt: string;
            /**
             * Format: uuid
             * @description Who replaced it.
             */
            replacedBy: string;
            /** @description The person's name in the directory (null when `replacedBy` is null or names nobody any more). */
            replacedByName: string | null;
            replacedAt: string;
            /** @description Why it was replaced. */
            reason: string;
        };
        MinutesItemDto: {
            /** Format: uuid */
            itemId: string;
            text: string;
        };
        MinutesDto: {
            items: components["schemas"]["MinutesItemDto"][];
        };
        MinutesSectionDto: {
            /** Format: uuid */
            itemId: string;
            reference: string;
            text: string;
        };
        MinutesViewDto: {
            approvedAt: string | null;
            /**
             * Format: uuid
             * @description Who drafted the minutes.
             */
            draftedBy: string | null;
            /** @description The person's name in the directory (null when `draftedBy` is null or names nobody any more). */
            draftedByName: string | null;
            /**
             * Format: uuid
             * @description The chair who approved them.
             */
            approvedBy: string | null;
            /** @description The person's name in the directory (null when `approvedBy` is null or names nobody any more). */
            approvedByName: string | null;
            /** @description Only the items you attended and may see. */
            items: components["schemas"]["MinutesSectionDto"][];
        };
        CommissionMemberInputDto: {
            /** Format: uuid */
            userId: string;
            /** @enum {string} */
            kind: "permanent" | "substitute";
            /**
             * Format: uuid
             * @description For a substitute: the permanent member they replace.
             */
            substituteFor?: string;
        };
        CommissionMemberDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            userId: string;
            /** @description The person's name in the directory (null when `userId` is null or names nobody any more). */
            userName: string | null;
            organizationId: string | null;
            /** @description The structure's name in the directory (null when `organizationId` is null or names nobody any more). */
            organizationName: string | null;
            /** @enum {string} */
            kind: "permanent" | "substitute";
            /** Format: uuid */
            substituteFor: string | null;
            active: boolean;
        };
        CommissionMemberPageDto: {
            items: components["schemas"]["CommissionMemberDto"][];
            /**
             * Format: int64
             * @description Number of matching items, all pages together.
             */
            total: number;
            /** Format: int32 */
            limit: number;
            /** Format: int32 */
            offset: number;
        };
        UpdateCommissionMemberDto: {
            active: boolean;
        };
        CorrectRecommendationDto: {
            /** @description The corrected action (encrypted). */
            action?: string;
            /**
             * Format: uuid
             * @description The new carrier (a user); with carrierOrganizationId, replaces the carrier.
             */
            carrierUserId?: string;
            /**
             * Format: uuid
             * @description The new carrying structure.
             */
            carrierOrganizationId?: string;
            /**
             * Format: date
             * @example 2027-01-15
             */
            dueDate?: string;
            /** @description Why it is corrected: kept with the earlier version (encrypted). */
            reason: string;
        };
        RecommendationVersionDto: {
            version: number;
            action: string;
            /** Format: uuid */
            carrierUserId: string | null;
            /** @description The person's name in the directory (null when `carrierUserId` is null or names nobody any more). */
            carrierUserName: string | null;
            /** Format: uuid */
            carrierOrganizationId: string | null;
            /** @description The structure's name in the directory (null when `carrierOrganizationId` is null or names nobody any more). */
            carrierOrganizationName: string | null;
            dueDate: string;
            /**
             * Format: uuid
             * @description Who replaced it.
             */
            replacedBy: string;
            /** @description The person's name in the directory (null when `replacedBy` is null or names nobody any more). */
            replacedByName: string | null;
            replacedAt: string;
            /** @description Why it was replaced. */
            reason: string;
        };
        RecommendationPageDto: {
            items: components["schemas"]["RecommendationViewDto"][];
            /**
             * Format: int64
             * @description Number of matching items, all pages together.
             */
            total: number;
            /** Format: int32 */
            limit: number;
            /** Format: int32 */
            offset: number;
        };
        CloseRecommendationDto: {
            /** @enum {string} */
            status: "done" | "abandoned" | "transferred";
            /** @description What was done, why it was abandoned, or to whom it was transferred and why (encrypted). */
            note: string;
        };
        CreateReferralDto: {
            /** Format: uuid */
            situationId: string;
            /**
             * Format: uuid
             * @description An organisation of kind dac.
             */
            dacOrganizationId: string;
            /** @description Why the situation is referred (encrypted). */
            reason: string;
            /** @description A summary written for the DAC (encrypted, shared). */
            summaryForDac: string;
            /**
             * @description The minimum needed; health only if chosen and allowed.
             * @default [
             *       "identity",
             *       "contact"
             *     ]
             */
            sharedGroups: ("identity" | "contact" | "social" | "health" | "narrative")[];
            /**
             * Format: uuid
             * @description The CLSM contact who attends the DAC’s coordination meetings (default: you).
             */
            clsmContactUserId?: string;
        };
        MeetingViewDto: {
            /** Format: uuid */
            id: string;
            heldOn: string;
            note: string;
        };
        ReferralStepDto: {
            /** @enum {string} */
            from: "draft" | "sent" | "acknowledged" | "accepted" | "declined" | "closed" | "withdrawn" | "received" | "under_review" | "redirected";
            /** @enum {string} */
            to: "draft" | "sent" | "acknowledged" | "accepted" | "declined" | "closed" | "withdrawn" | "received" | "under_review" | "redirected";
            at: string;
            /** @description The reason given at this step, read by both sides. */
            reason?: string;
        };
        ReferralDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            direction: "outbound" | "inbound";
            /** @enum {string} */
            status: "draft" | "sent" | "acknowledged" | "accepted" | "declined" | "closed" | "withdrawn" | "received" | "under_review" | "redirected";
            /**
             * @description Delivery, tracked apart from the DAC’s decision.
             * @enum {string}
             */
            delivery: "pending" | "sent" | "acknowledged";
            /** @enum {string} */
            decision: "pending" | "accepted" | "declined" | "redirected";
            /** Format: uuid */
            dacOrganizationId: string;
            /** @description The structure's name in the directory (null when `dacOrganizationId` is null or names nobody any more). */
            dacOrganizationName: string | null;
            /** @description Inbound: the DAC’s identifier. */
            dacReferralId?: string;
            /** @description The situation’s reference at the commission. */
            situationReference: string;
            /**
             * Format: uuid
             * @description CLSM side only.
             */
            situationId?: string;
            /** @description Inbound: the status of the situation at the commission, which the DAC follows. */
            situationStatus?: string;
            /** @description The situation was destroyed at the end of its retention period: only the status and dates remain. */
            destroyed?: boolean;
            sharedGroups: ("identity" | "contact" | "social" | "health" | "narrative")[];
            /** @description CLSM side only. */
            reason?: string;
            /** @description The DAC’s reason for declining. */
            declineReason?: string;
            /** @description The data set frozen when the referral was sent: all the DAC ever sees of the case. */
            shared?: Record<string, never>;
            /** Format: uuid */
            clsmContactUserId?: string | null;
            /** @description The person's name in the directory (null when `clsmContactUserId` is null or names nobody any more). */
            clsmContactUserName?: string | null;
            /** @description CLSM side only. */
            meetings?: components["schemas"]["MeetingViewDto"][];
            sentAt?: string | null;
            /** @description Each step with its reason, oldest first. */
            history?: components["schemas"]["ReferralStepDto"][];
        };
        ReferralPageDto: {
            items: components["schemas"]["ReferralDto"][];
            /**
             * Format: int64
             * @description Number of matching items, all pages together.
             */
            total: number;
            /** Format: int32 */
            limit: number;
            /** Format: int32 */
            offset: number;
        };
        InboundReferralDto: {
            /** @description Repérage de l’urgence : chaque question reçoit une réponse oui (true) ou non (false). */
            screening: components["schemas"]["ScreeningDto"];
            identity: components["schemas"]["IdentityDto"];
            contact?: components["schemas"]["ContactDto"];
            social: components["schemas"]["SocialDto"];
            health?: components["schemas"]["HealthDto"];
            narrative: components["schemas"]["NarrativeDto"];
            problemAreas: ("housing" | "care_continuity" | "isolation" | "neighbourhood_conflict" | "access_to_rights" | "addiction" | "family" | "other")[];
            /**
             * @description The DAC’s own identifier: posting it again never creates a second situation.
             * @example DAC57-2026-0412
             */
            dacReferralId: string;
        };
        ReferralStatusDto: {
            /**
             * @description Outbound: sent, acknowledged, accepted, declined, closed, withdrawn. Inbound (the commission acknowledges): under_review, then accepted, redirected or declined.
             * @enum {string}
             */
            to: "sent" | "acknowledged" | "accepted" | "declined" | "closed" | "withdrawn" | "under_review" | "redirected";
            /** @description Required to decline or redirect; on any step, read by the DAC (encrypted). */
            reason?: string;
        };
        MeetingDto: {
            /**
             * Format: date
             * @example 2027-01-20
             */
            heldOn: string;
            /** @description Encrypted. */
            note: string;
        };
        StatCellDto: {
            /** @description Null when suppressed. */
            value: number | null;
            /**
             * @description primary: a small count; secondary: hidden so that no small count can be recomputed.
             * @enum {string}
             */
            suppressed?: "primary" | "secondary";
        };
        StatLabelDto: {
            key: string;
            /** @description French label. */
            label: string;
        };
        StatTableDto: {
            key: string;
            /** @description French title. */
            title: string;
            rowTitle: string;
            columnTitle: string | null;
            rows: components["schemas"]["StatLabelDto"][];
            columns: components["schemas"]["StatLabelDto"][];
            cells: components["schemas"]["StatCellDto"][][];
            /** @description Two-way tables only. */
            rowTotals: components["schemas"]["StatCellDto"][] | null;
            /** @description Two-way tables only. */
            columnTotals: components["schemas"]["StatCellDto"][] | null;
            /** @description Null when the cells do not add up. */
            total: components["schemas"]["StatCellDto"] | null;
            /** @description False when one situation may be counted in several rows. */
            additive: boolean;
            note?: string;
        };
        StatDelayDto: {
            /** @description Situations whose first session was held in the period. */
            situations: components["schemas"]["StatCellDto"];
            /** @description Days; null when fewer situations than the threshold. */
            firstQuartile: number | null;
            median: number | null;
            thirdQuartile: number | null;
        };
        StatisticsDto: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            /** @description Counts from 1 to this number minus one are never published (ethics/policy.yaml). */
            minimumCount: number;
            /** @description Saisines recorded in the period (always given). */
            saisines: number;
            /** @description True when the saisines are fewer than the threshold: nothing but their number is given. */
            withheld: boolean;
            tables: components["schemas"]["StatTableDto"][];
            /** @description From saisine to first session held. */
            delayToFirstSession: components["schemas"]["StatDelayDto"] | null;
            /** @description Commission sessions held in the period (not a count of persons). */
            sessionsHeld: number | null;
            /** @description Situations reviewed in a session held in the period. */
            situationsReviewed: components["schemas"]["StatCellDto"] | null;
        };
        CreateRightsRequestDto: {
            /**
             * @description GDPR articles 15 (access), 16 (rectification), 21 (objection), 18 (restriction), 17 (erasure).
             * @enum {string}
             */
            kind: "access" | "rectification" | "objection" | "restriction" | "erasure";
            /**
             * Format: date
             * @description The day the request reached the CLSM; the one-month deadline runs from it.
             */
            receivedOn: string;
            /**
             * Format: uuid
             * @description The situation concerned, when the person has one.
             */
            situationId?: string;
        };
        RightsRequestDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "access" | "rectification" | "objection" | "restriction" | "erasure";
            /** Format: uuid */
            situationId: string | null;
            /** @description The case reference (never a name). */
            situationReference: string | null;
            /** Format: date */
            receivedOn: string;
            /**
             * Format: date
             * @description One month after receipt (three when extended).
             */
            deadline: string;
            extended: boolean;
            /** @enum {string} */
            status: "received" | "in_progress" | "answered";
            /** @enum {string|null} */
            outcome: "granted" | "partially_granted" | "refused_legal_obligation" | "refused_unfounded" | "no_data_held" | null;
            /** Format: date */
            answeredOn: string | null;
            /** @description Not answered and past its deadline. */
            overdue: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        RightsRequestPageDto: {
            items: components["schemas"]["RightsRequestDto"][];
            /**
             * Format: int64
             * @description Number of matching items, all pages together.
             */
            total: number;
            /** Format: int32 */
            limit: number;
            /** Format: int32 */
            offset: number;
        };
        UpdateRightsRequestDto: {
            /** @enum {string} */
            status?: "received" | "in_progress" | "answered";
            /**
             * @description Required with status answered.
             * @enum {string}
             */
            outcome?: "granted" | "partially_granted" | "refused_legal_obligation" | "refused_unfounded" | "no_data_held";
            /**
             * Format: date
             * @description Required with status answered.
             */
            answeredOn?: string;
            /** @description Extends the deadline by two months (GDPR art. 12.3: complexity or number of requests; the person is told within the first month). */
            extended?: boolean;
        };
        SubjectAccessTransitionDto: {
            from: string;
            to: string;
            /** Format: date-time */
            at: string;
            reason: string | null;
            outcome: string | null;
        };
        SubjectAccessMeasureDto: {
            /** @enum {string} */
            kind: "objection" | "restriction";
            /** Format: date-time */
            at: string;
            reason: string | null;
            /** Format: date-time */
            liftedAt: string | null;
            liftReason: string | null;
        };
        SubjectAccessDocumentDto: {
            /** Format: uuid */
            id: string;
            filename: string | null;
            mediaType: string;
            sizeBytes: number;
            /** Format: date-time */
            uploadedAt: string;
        };
        SubjectAccessConsentDto: {
            /** Format: uuid */
            id: string;
            purpose: string;
            decision: string;
            givenBy: string;
            method: string;
            /** Format: date */
            givenOn: string;
            /** Format: date */
            validUntil: string | null;
            /** @description Structures the person refused. */
            refusedOrganizations: string[];
            details: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            recordedAt: string;
        };
        SubjectAccessRecommendationDto: {
            action: string | null;
            status: string;
            /** Format: date */
            dueDate: string;
            carrierOrganization: string | null;
            /** Format: date-time */
            closedAt: string | null;
        };
        SubjectAccessSessionDto: {
            /** Format: date-time */
            scheduledAt: string;
            sessionStatus: string;
            summary: string | null;
            personResponse: string | null;
            /** Format: date */
            personResponseOn: string | null;
            /** Format: date */
            nextReviewDate: string | null;
            recommendations: components["schemas"]["SubjectAccessRecommendationDto"][];
        };
        SubjectAccessReferralDto: {
            direction: string;
            dac: string;
            status: string;
            sharedGroups: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            sentAt: string | null;
            /** Format: date-time */
            decidedAt: string | null;
            /** Format: date-time */
            closedAt: string | null;
        };
        SubjectAccessRecipientDto: {
            organization: string;
            /** @description Why it received data (French). */
            as: string;
        };
        SubjectAccessAccessDto: {
            role: string | null;
            organization: string | null;
            events: number;
            /** Format: date-time */
            firstAt: string;
            /** Format: date-time */
            lastAt: string;
        };
        SubjectAccessDto: {
            /** Format: date-time */
            producedAt: string;
            reference: string;
            status: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            problemAreas: string[];
            closureOutcome: string | null;
            /** @description The field groups the producer may read, decrypted. */
            caseFile: {
                [key: string]: unknown;
            };
            /** @description Groups held but not readable by the producer (communicated by an entitled professional). */
            withheldGroups: string[];
            history: components["schemas"]["SubjectAccessTransitionDto"][];
            /** @description The person’s objection and restrictions of processing (GDPR art. 21 and 18). */
            rightsMeasures: components["schemas"]["SubjectAccessMeasureDto"][];
            documents: components["schemas"]["SubjectAccessDocumentDto"][];
            consents: components["schemas"]["SubjectAccessConsentDto"][];
            sessions: components["schemas"]["SubjectAccessSessionDto"][];
            referrals: components["schemas"]["SubjectAccessReferralDto"][];
            recipients: components["schemas"]["SubjectAccessRecipientDto"][];
            /** @description Who accessed the file, by role and structure (audit trail). */
            accesses: components["schemas"]["SubjectAccessAccessDto"][];
        };
        RetentionDueDto: {
            /** Format: uuid */
            situationId: string;
            /** @example CC-2024-0042 */
            reference: string;
            /** @enum {string} */
            status: "closed" | "rejected" | "redirected";
            endedAt: string;
            destroyOn: string;
        };
        LegalHoldDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            situationId: string;
            /** @example CC-2024-0042 */
            reference: string;
            reason: string;
            placedAt: string;
        };
        PlaceLegalHoldDto: {
            /** Format: uuid */
            situationId: string;
            /**
             * @description The procedure that requires keeping the file; never the person.
             * @example Réquisition judiciaire n° 2026/118
             */
            reason: string;
        };
        RecordRightsMeasureDto: {
            /** @description Why (the person’s words or the grounds), encrypted with the case file. */
            reason: string;
            /**
             * Format: uuid
             * @description The rights request (register) this answers, of the same kind, when there is one.
             */
            rightsRequestId?: string;
        };
        LiftRestrictionDto: {
            /** @description Why the restriction ends (encrypted). */
            reason: string;
        };
        NotificationDto: {
            /** Format: uuid */
            id: string;
            /**
             * @description What happened, as a stable code (e.g. `session.invited`).
             * @example session.invited
             */
            kind: string;
            /** @description What happened, in French; never a name or a detail of the person concerned. */
            message: string;
            /** @description The case reference, when the event concerns a situation. */
            reference: string | null;
            /**
             * @description Where to look in the console, e.g. `/seances/<id>`.
             * @example /seances/5b0c…
             */
            link: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            readAt: string | null;
        };
        NotificationPageDto: {
            items: components["schemas"]["NotificationDto"][];
            /**
             * Format: int64
             * @description Number of matching items, all pages together.
             */
            total: number;
            /** Format: int32 */
            limit: number;
            /** Format: int32 */
            offset: number;
            /** @description Unread notifications of the caller, whatever the filter and page. */
            unread: number;
        };
        ReadAllResultDto: {
            /** @description Notifications marked as read by this call. */
            marked: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuditController_events: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                actorId?: string;
                organizationId?: string;
                situationId?: string;
                /** @description The situation by its case reference (the committee never reads the case itself). */
                situationReference?: string;
                action?: string;
                outcome?: "granted" | "denied" | "error";
                from?: string;
                to?: string;
                /** @description csv exports the page as text/csv. */
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPageDto"];
                    "text/csv": components["schemas"]["AuditEventPageDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuditController_situationAccesses: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPageDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuditController_anomalies: {
        parameters: {
            query?: {
                /** @description Default: 30 days ago. */
                from?: string;
                /** @description Default: now. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnomalyReportDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationReportDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EthicsController_charter: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CharterDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EthicsController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptCharterDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CharterAcceptanceDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResultDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required when the refresh token comes from the cookie: the value of the clsm_csrf cookie. */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session and all its tokens are revoked. */
            204: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_sessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your signed-in devices: created, last used, client. */
            200: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthSessionDto"][];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_endSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description That session and its tokens are revoked at once. */
            204: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SecondFactorController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaVerifyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SecondFactorController_enrol: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Bearer: the mfaToken of a sign-in that must enrol, or an access token. */
            200: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpEnrolmentDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SecondFactorController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaConfirmDto"];
            };
        };
        responses: {
            /** @description The recovery codes; with an mfaToken, the tokens too (signed in). */
            200: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaConfirmationDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SecondFactorController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecondFactorStatusDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PasskeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyDto"][];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PasskeysController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterPasskeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PasskeysController_registrationOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Options for navigator.credentials.create(), valid five minutes. */
            200: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebAuthnOptionsDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PasskeysController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PasskeysController_authenticationOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasskeySignInOptionsRequestDto"];
            };
        };
        responses: {
            /** @description Options for navigator.credentials.get() at the second step of sign-in. */
            200: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebAuthnOptionsDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PasskeysController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyPasskeyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OidcController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SingleSignOnDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OidcController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the provider; back to / with ?sso=erreur when single sign-on is off or unreachable. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OidcController_callback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed in: to / with the refresh cookie set. Refused: to /?sso=inconnu|niveau|erreur. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests or attempts; see Retry-After. */
            429: {
                headers: {
                    /** @description Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`). */
                    RateLimit?: string;
                    /** @description The policy: requests per window of 60 seconds (`30;w=60`). */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OrganizationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationPageDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OrganizationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganizationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OrganizationsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganizationDto"];
            };
        };
        responses: {
            /** @description Renames a structure or corrects its kind. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Part of the display name or of the e-mail (case and accents ignored). */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPageDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_resetSecondFactor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The second factor and its recovery codes are erased and every session of the account ends: the person enrols again at the next sign-in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AccessChangesController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "pending" | "approved" | "refused" | "withdrawn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessChangePageDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AccessChangesController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessChangeDecisionDto"];
            };
        };
        responses: {
            /** @description Applies the change: the roles are added, the category set. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessChangeDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AccessChangesController_refuse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessChangeDecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessChangeDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DirectorySearchController_people: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Part of the display name (case and accents ignored). */
                q?: string;
                organizationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonPageDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DirectorySearchController_organizations: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Part of the name (case and accents ignored). */
                q?: string;
                kind?: "psychiatry_sector" | "municipal_social_service" | "ccas" | "departement_social_service" | "housing_provider" | "user_association" | "family_association" | "dac" | "justice_police" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryOrganizationPageDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SituationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "submitted" | "admissible" | "rejected" | "redirected" | "in_preparation" | "scheduled" | "reviewed" | "follow_up" | "closed";
                year?: number;
                problemArea?: "housing" | "care_continuity" | "isolation" | "neighbourhood_conflict" | "access_to_rights" | "addiction" | "family" | "other";
                /** @description Only reviewed or followed situations whose next review date has passed. */
                reviewDue?: "true";
                /** @description Search on the case reference only (never on content). */
                reference?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SituationPageDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SituationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSituationDto"];
            };
        };
        responses: {
            /** @description The saisine, recorded with status submitted. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SituationDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SituationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SituationDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SituationsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSituationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SituationDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SituationsController_designatePilot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DesignatePilotDto"];
            };
        };
        responses: {
            /** @description The référent who follows the situation; replaces the previous one. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SituationDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SituationsController_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransitionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SituationDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DocumentsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDto"][];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DocumentsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DocumentsController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The decrypted document, byte for byte as uploaded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ConsentController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every record, oldest first; inForce marks the ones that grant consent today. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentDto"][];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ConsentController_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordConsentDto"];
            };
        };
        responses: {
            /** @description A new, immutable consent record (given or refused). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ConsentController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                consentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawConsentDto"];
            };
        };
        responses: {
            /** @description The withdrawal, a new record effective immediately. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Only the sessions in this state. */
                status?: "planned" | "agenda_published" | "held" | "minutes_approved" | "cancelled";
                /** @description Only the sessions held at or after this instant (a calendar month). */
                from?: string;
                /** @description Only the sessions held before this instant (excluded). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first; `status` filters. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionPageDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSessionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSessionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_changeStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionStatusDto"];
            };
        };
        responses: {
            /** @description planned → agenda_published → held; planned or published → cancelled. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_addItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddAgendaItemDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_removeItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RemoveAgendaItemDto"];
            };
        };
        responses: {
            /** @description Until the session is held; the situation goes back to preparation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_reorder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgendaOrderDto"];
            };
        };
        responses: {
            /** @description Until the session is held. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_invitees: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteesDto"];
            };
        };
        responses: {
            /** @description Until the session is held; a published agenda opens to new invitees and closes to those removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_standIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StandInDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_attendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttendanceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_outcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OutcomeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_correctOutcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectOutcomeDto"];
            };
        };
        responses: {
            /** @description A correction by the coordinator or the session’s chair; the earlier version is kept with who, when and why. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_outcomeVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The earlier versions of the outcome, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutcomeVersionDto"][];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_personResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonResponseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_readMinutes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MinutesViewDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_writeMinutes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MinutesDto"];
            };
        };
        responses: {
            /** @description Drafted by the coordinator (the commission’s secretary) while the session is held; frozen once approved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MinutesViewDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_approveMinutes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description By the session’s chair, who is not the author of the draft. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MinutesViewDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_minutesPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The approved minutes as a PDF (French), with the items you may see; every download is recorded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CommissionController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommissionMemberPageDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CommissionController_add: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommissionMemberInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommissionMemberDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CommissionController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCommissionMemberDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommissionMemberDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RecommendationsController_correct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectRecommendationDto"];
            };
        };
        responses: {
            /** @description A correction by the coordinator or the session’s chair; the earlier version is kept with who, when and why. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationViewDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RecommendationsController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The earlier versions, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationVersionDto"][];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RecommendationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "overdue" | "open" | "done" | "abandoned" | "transferred";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description By due date; `status` filters (overdue: open and past due). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationPageDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RecommendationsController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseRecommendationDto"];
            };
        };
        responses: {
            /** @description Marks the recommendation done or abandoned, with a note. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationViewDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReferralsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Only the referrals of this situation. */
                situationId?: string;
                direction?: "outbound" | "inbound";
                status?: "draft" | "sent" | "acknowledged" | "accepted" | "declined" | "closed" | "withdrawn" | "received" | "under_review" | "redirected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first; filtered by situation, direction and status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralPageDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReferralsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReferralDto"];
            };
        };
        responses: {
            /** @description A draft referral to a DAC (coordinator or pilot). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReferralsController_inbound: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InboundReferralDto"];
            };
        };
        responses: {
            /** @description The referral already received with this DAC identifier. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralDto"];
                };
            };
            /** @description Created; 200 when the DAC identifier was already received. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReferralsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReferralsController_changeStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReferralStatusDto"];
            };
        };
        responses: {
            /** @description draft → sent → acknowledged → accepted | declined (reason) → closed; withdrawn before acceptance. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReferralsController_addMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeetingDto"];
            };
        };
        responses: {
            /** @description Logs a DAC coordination meeting attended by the CLSM contact. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReferralsController_fhir: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The referral as a FHIR R4 Bundle (ServiceRequest, Task, Patient, Consent). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StatisticsController_get: {
        parameters: {
            query?: {
                /** @description First day counted (default: 1 January of the current year). */
                from?: string;
                /** @description Last day counted, included (default: today). */
                to?: string;
                /** @description csv: the same protected tables, one line per cell. */
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Small counts suppressed (primary and secondary); `format=csv` gives the same cells as CSV. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatisticsDto"];
                    "text/csv": components["schemas"]["StatisticsDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StatisticsController_report: {
        parameters: {
            query?: {
                /** @description Civil year (default: the current year). */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The yearly report in French (PDF): the same protected tables, with charts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RightsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "received" | "in_progress" | "answered";
                /** @description Only requests not answered by their deadline. */
                overdue?: "true";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ordered by deadline; `overdue=true` lists those past it and not answered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RightsRequestPageDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RightsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRightsRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RightsRequestDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RightsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RightsRequestDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RightsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRightsRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RightsRequestDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SubjectAccessController_get: {
        parameters: {
            query?: {
                format?: "json" | "pdf";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Everything held about the person (GDPR art. 15), audited; `format=pdf` gives the same in a French PDF. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectAccessDto"];
                    "application/pdf": components["schemas"]["SubjectAccessDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RetentionController_due: {
        parameters: {
            query?: {
                /** @description Due on or before this day (default: today). */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Situations whose retention period ends by `until`, not under a legal hold: references and dates only. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionDueDto"][];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RetentionController_holds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHoldDto"][];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RetentionController_place: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceLegalHoldDto"];
            };
        };
        responses: {
            /** @description Destruction is suspended until the hold is lifted. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHoldDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RetentionController_lift: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hold ends; the retention period applies again. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RightsMeasuresController_object: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordRightsMeasureDto"];
            };
        };
        responses: {
            /** @description Objection (GDPR art. 21): sharing stops at once; the situation is closed, or stays marked for closure (`objection.closurePending`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SituationDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RightsMeasuresController_restrict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordRightsMeasureDto"];
            };
        };
        responses: {
            /** @description Restriction (GDPR art. 18): the file is frozen, readable by the coordination only, until lifted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SituationDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but refused by a business rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RightsMeasuresController_lift: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LiftRestrictionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SituationDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large (JSON above 256 KB, or a document above the configured size). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body neither JSON nor multipart/form-data (or a document of a type not accepted). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Only the notifications not read yet. */
                unread?: "true";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first; `unread=true` lists only those not read yet. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPageDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NotificationsController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadAllResultDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDto"];
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Invalid input (problem+json, with field errors); nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error; the details are in the service log only (see requestId). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
}
