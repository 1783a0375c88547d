// Generated from the API's OpenAPI document by `npm run web:api`; do not edit.

export interface paths {
    "/admin/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The configuration the desk runs, read-only, without secrets (admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Desks, staff, catalog, SLA policies, calendars, routing rules, mail, uploads and sign-in settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            config: components["schemas"]["AdminConfig"];
                        };
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agents/{email}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Mark an agent available or not for automatic assignment (the agent, its desk managers, admins) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    email: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SetAgentAvailability"];
                };
            };
            responses: {
                /** @description The availability now in force */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such agent */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/approvals/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The page an approval email links to: the request and a form that posts the decision (HTML; deciding takes the POST) */
        get: {
            parameters: {
                query?: {
                    /** @description The token of the approval link */
                    token?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An HTML page with the request and the decision form */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description An HTML page: the token is missing */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description An HTML page: a forged, altered or expired link */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description An HTML page: the ticket no longer exists */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description An HTML page: the step was already decided */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        /** Approve or reject through the signed link of an approval email (no sign-in; the link is the authority). JSON, or the form of the approval page (answered with a page), which decides only with the confirmation its script adds on a person's click */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApprovalLinkDecision"];
                    "application/x-www-form-urlencoded": components["schemas"]["ApprovalPageDecision"];
                };
            };
            responses: {
                /** @description The outcome: ticket key, status and approval state (an HTML page for a form post) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A forged, altered or expired link, or not an approver of the waiting step */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The ticket no longer exists */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The step was already decided: the link is spent */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service catalog and its request forms */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The catalog tree */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            catalog: components["schemas"]["CatalogNode"][];
                        };
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/desks/{id}/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A desk's queue, or one level of it, by priority then age or by the nearest SLA deadline; filtered by assignee (me, none, an email), SLA state, priority, channel and catalog item (staff of the desk). An unknown filter value is a 400 naming its parameter */
        get: {
            parameters: {
                query?: {
                    /** @description An agent email, me, or none for unassigned tickets */
                    assignee?: "me" | "none" | string;
                    /** @description Only tickets of this catalog item (GET /catalog) */
                    catalogItem?: string;
                    /** @description Only tickets that came in this way */
                    channel?: "api" | "email" | "intake";
                    cursor?: string;
                    level?: string;
                    limit?: number;
                    /** @description priority (default): priority, then age; due: the nearest SLA deadline first (breached ones first, tickets with no running clock last, by priority and age); due lists active statuses only */
                    order?: "priority" | "due";
                    /** @description Only these priorities, separated by commas: P1 or P1,P2 */
                    priority?: string;
                    /** @description Only tickets whose SLA is at risk (a warning fired) or breached */
                    sla?: "at_risk" | "breached";
                    status?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of tickets */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Ticket"][];
                            nextCursor?: string;
                        };
                    };
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such desk */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/desks/{id}/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A desk's people by level with their availability, open, at-risk and breached tickets, and the desk's unassigned count (staff of the desk; not machine clients) */
        get: {
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
                /** @description The team */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeskTeam"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not staff of the desk */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such desk */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The API answers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite a person to sign up to the portal and mail them the link (staff); inviting again refreshes the invitation and mails it again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateInvitation"];
                };
            };
            responses: {
                /** @description The address was invited before: the refreshed invitation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            invitation: components["schemas"]["Invitation"];
                        };
                    };
                };
                /** @description The invitation */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            invitation: components["schemas"]["Invitation"];
                        };
                    };
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mail/quarantine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mail kept aside on a day, with the reason (admins) */
        get: {
            parameters: {
                query?: {
                    /** @description UTC day, YYYY-MM-DD; today by default */
                    day?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The day and its quarantined mail: location of the raw mail, reason, sender, Message-ID */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QuarantineDay"];
                    };
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The requests waiting for the caller's decision, the longest waiting first (decide with POST /tickets/{key}/approval) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of requests waiting for a decision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApprovalInboxItem"][];
                            nextCursor?: string;
                        };
                    };
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The console's sidebar: counts of the caller's own work and of every desk the caller works, by level (staff; read from counters, exact) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The counts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MyQueues"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not staff: requesters and machine clients have no queues */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OpenAPI 3.1 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tickets: a desk queue, an agent's work or a requester's tickets; filtered by priority, channel, catalog item and SLA state; ordered by priority or (queues and work) by the nearest SLA deadline. An unknown filter value is a 400 naming its parameter */
        get: {
            parameters: {
                query?: {
                    /** @description An agent email, or me */
                    assignee?: "me" | string;
                    /** @description Only tickets of this catalog item (GET /catalog) */
                    catalogItem?: string;
                    /** @description Only tickets that came in this way */
                    channel?: "api" | "email" | "intake";
                    cursor?: string;
                    desk?: string;
                    limit?: number;
                    /** @description priority (default): priority, then age; due: the nearest SLA deadline first (breached ones first, tickets with no running clock last, by priority and age); due lists active statuses only */
                    order?: "priority" | "due";
                    /** @description Only these priorities, separated by commas: P1 or P1,P2 */
                    priority?: string;
                    requester?: string;
                    /** @description Only tickets whose SLA is at risk (a warning fired) or breached */
                    sla?: "at_risk" | "breached";
                    status?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of tickets */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Ticket"][];
                            nextCursor?: string;
                        };
                    };
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Open a ticket */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A retry with the same key within a day answers 200 with the ticket as first created, instead of opening another; another body under the same key gets 422 */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateTicket"];
                };
            };
            responses: {
                /** @description Replay of an Idempotency-Key: the ticket as the first request was answered */
                200: {
                    headers: {
                        /** @description The ticket version; send it back in If-Match */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ticket: components["schemas"]["Ticket"];
                        };
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        /** @description The ticket version; send it back in If-Match */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ticket: components["schemas"]["Ticket"];
                        };
                    };
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Replay of an Idempotency-Key whose ticket the caller may no longer see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The Idempotency-Key was used within a day for a request with another body */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ticket with its conversation (internal notes for staff only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The ticket */
                200: {
                    headers: {
                        /** @description The ticket version; send it back in If-Match */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            comments: components["schemas"]["Comment"][];
                            ticket: components["schemas"]["Ticket"];
                        };
                    };
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such ticket, or not visible to the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change ticket fields */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag you read; a stale one gets 412 */
                    "If-Match"?: string;
                };
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateTicket"];
                };
            };
            responses: {
                /** @description The updated ticket */
                200: {
                    headers: {
                        /** @description The ticket version; send it back in If-Match */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ticket: components["schemas"]["Ticket"];
                        };
                    };
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such ticket, or not visible to the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Concurrent change; retry */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an old version */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A move out of a restricted desk without confirmRestrictedMove */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/tickets/{key}/approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or reject the waiting approval step (approvers of that step only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApprovalDecision"];
                };
            };
            responses: {
                /** @description The ticket after the decision */
                200: {
                    headers: {
                        /** @description The ticket version; send it back in If-Match */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ticket: components["schemas"]["Ticket"];
                        };
                    };
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such ticket, or not visible to the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The ticket waits for no approval */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{key}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A short-lived download link (5 minutes) for a stored file of the ticket or of a comment the caller may read */
        get: {
            parameters: {
                query?: {
                    /** @description The `location` of an attachment of the ticket or of one of its comments */
                    location?: string;
                };
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description With Accept: application/json (a browser cannot read a redirect): the download link, the file name and how long it works */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AttachmentLink"];
                    };
                };
                /** @description Location is the download link; the body gives it too, with the file name and how long it works */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such ticket, or not visible to the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{key}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a public reply or an internal note; a public reply by staff or a write client may copy people (cc), who become watchers of the ticket and get the reply */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A retry with the same key within a day returns the first comment (200) instead of adding it again */
                    "Idempotency-Key"?: string;
                };
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AddComment"];
                };
            };
            responses: {
                /** @description Replay of an Idempotency-Key: the comment added the first time and the ticket now */
                200: {
                    headers: {
                        /** @description The ticket version; send it back in If-Match */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            comment: components["schemas"]["Comment"];
                            ticket: components["schemas"]["Ticket"];
                        };
                    };
                };
                /** @description The comment and the ticket */
                201: {
                    headers: {
                        /** @description The ticket version; send it back in If-Match */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            comment: components["schemas"]["Comment"];
                            ticket: components["schemas"]["Ticket"];
                        };
                    };
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such ticket, or not visible to the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The ticket is closed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{key}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Escalate to the next level, or to the next desk after the last level; assigns by that level's method */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Escalate"];
                };
            };
            responses: {
                /** @description The escalated ticket */
                200: {
                    headers: {
                        /** @description The ticket version; send it back in If-Match */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ticket: components["schemas"]["Ticket"];
                        };
                    };
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such ticket, or not visible to the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Nowhere to escalate to, or the ticket is not active */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An escalation out of a restricted desk without confirmRestrictedMove */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{key}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log of a ticket (staff only) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of history events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["HistoryEvent"][];
                            nextCursor?: string;
                        };
                    };
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such ticket, or not visible to the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{key}/reply-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The mail a public reply would send, written nowhere: sender, recipients, subject, text and HTML (with the agent's signature), and the addresses left out and why (staff of the desk, write clients) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ReplyPreviewRequest"];
                };
            };
            responses: {
                /** @description The mail as it would go out now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReplyPreview"];
                    };
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not staff of the ticket's desk, or a client without servicedesk/tickets.write */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such ticket, or not visible to the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The ticket is closed, or the desk has no mailbox */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{key}/resolution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The requester of a resolved ticket confirms it (closed) or reopens it (with a comment saying what is still wrong) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ResolutionDecision"];
                };
            };
            responses: {
                /** @description The ticket after the decision, or as it is when the same decision already took effect */
                200: {
                    headers: {
                        /** @description The ticket version; send it back in If-Match */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ticket: components["schemas"]["Ticket"];
                        };
                    };
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not the requester of the ticket */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such ticket, or not visible to the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The ticket is not resolved (code ticket_not_resolved) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign a form with which the browser sends one file straight to S3 (multipart/form-data POST to `url`: every field, then the file as `file`), within the size limit and with the declared Content-Type; then name its `uploadId` in `attachments` of a new ticket or comment (signed-in people only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateUpload"];
                };
            };
            responses: {
                /** @description The form to post, and the upload id */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Upload"];
                    };
                };
                /** @description Invalid input; details name each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this caller */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
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
        AddComment: {
            /** @description Upload ids from POST /uploads, of files the caller uploaded */
            attachments?: string[];
            body: string;
            /** @description Staff and write clients, on a public reply: up to 10 people to copy. They become watchers of the ticket (they get its public replies and may answer by mail, with none of the requester's rights), recorded in the history, and get this reply */
            cc?: string[];
            /** @description Sanitised before it is stored */
            html?: string;
            /**
             * @description false makes an internal note, visible to staff only
             * @default true
             */
            public: boolean;
        };
        AdminCalendar: {
            holidays?: {
                country?: string;
                dates?: string[];
                state?: string;
            };
            hours: "24x7" | {
                fri?: [
                    string,
                    string
                ][];
                mon?: [
                    string,
                    string
                ][];
                sat?: [
                    string,
                    string
                ][];
                sun?: [
                    string,
                    string
                ][];
                thu?: [
                    string,
                    string
                ][];
                tue?: [
                    string,
                    string
                ][];
                wed?: [
                    string,
                    string
                ][];
            };
            id: string;
            timeZone: string;
        };
        AdminCatalogNode: {
            /** @description The node's own approval steps, in order */
            approvals: {
                /** @description Who decides: the person or the group's members; empty for requester_manager, decided per request from the directory (else the desk's managers) */
                approvers: string[];
                /** @description kind user: the approver */
                email?: string;
                /** @description kind group: the group id */
                group?: string;
                /** @enum {string} */
                kind: "user" | "requester_manager" | "group";
                label: string;
            }[];
            children: components["schemas"]["AdminCatalogNode"][];
            description?: string;
            /** @description The desk its requests go to, as inherited (routing rules may still move them) */
            desk: string;
            form: {
                default?: string | number | string[];
                help?: string;
                id: string;
                label: string;
                max?: number;
                min?: number;
                options?: string[];
                required: boolean;
                /** @enum {string} */
                type: "text" | "number" | "date" | "choice" | "multi_choice" | "email" | "user" | "asset";
            }[];
            id: string;
            /** @description The level they start on, as inherited; the desk's first level by default */
            level: string;
            name: string;
            pinned: boolean;
            /**
             * @description As inherited; absent when the priority comes from impact x urgency
             * @enum {string}
             */
            priority?: "P1" | "P2" | "P3" | "P4";
            /**
             * @description As inherited
             * @enum {string}
             */
            type: "incident" | "service_request";
        };
        AdminConfig: {
            calendars: components["schemas"]["AdminCalendar"][];
            catalog: components["schemas"]["AdminCatalogNode"][];
            defaultDesk: string;
            desks: components["schemas"]["AdminDesk"][];
            /** @description Absent when the desk has no mailbox */
            email?: {
                address: string;
                attachments: {
                    maxCount: number;
                    maxFileBytes: number;
                    maxTotalBytes: number;
                };
                maxAutomaticRepliesPerHour: number;
                name?: string;
                retainRawMailDays: number;
            };
            groups: {
                id: string;
                members: string[];
                name: string;
            }[];
            routingRules: components["schemas"]["AdminRoutingRule"][];
            signIn: {
                emailCode: boolean;
                /** @description Without client ids or the names of their secrets */
                identityProviders: {
                    emailDomains: string[];
                    id: string;
                    /** @description oidc */
                    issuerUrl?: string;
                    /** @description saml */
                    metadataUrl?: string;
                    name: string;
                    /** @enum {string} */
                    type: "oidc" | "saml";
                }[];
                selfSignUpDomains: string[];
            };
            slaPolicies: components["schemas"]["AdminSlaPolicy"][];
            staff: components["schemas"]["AdminStaffMember"][];
            ticketKeyPrefix: string;
            uploads: {
                maxCount: number;
                maxFileBytes: number;
            };
        };
        AdminDesk: {
            /** @description The desk an escalation from the last level goes to */
            escalateTo?: string;
            id: string;
            /** @description In order: the first receives new tickets, escalation moves down */
            levels: {
                /** @enum {string} */
                assignment: "round_robin" | "workload" | "free" | "manual";
                id: string;
                members: string[];
                name: string;
            }[];
            managers: string[];
            name: string;
            /** @description Only members, managers and the requester see its tickets */
            restricted: boolean;
        };
        AdminRoutingRule: {
            description?: string;
            id: string;
            then: {
                desk?: string;
                level?: string;
                /** @enum {string} */
                priority?: "P1" | "P2" | "P3" | "P4";
                tags?: string[];
            };
            when: {
                catalog?: string[];
                channels?: ("api" | "email" | "intake")[];
                locations?: string[];
                organisations?: string[];
                priorities?: ("P1" | "P2" | "P3" | "P4")[];
                subjectKeywords?: string[];
                vip?: boolean;
            };
        };
        AdminSlaPolicy: {
            calendar: string;
            id: string;
            name?: string;
            pauseOn: ("pending_approval" | "new" | "open" | "pending" | "on_hold" | "resolved" | "closed")[];
            /** @description Working minutes */
            targets: {
                firstResponse?: number;
                nextResponse?: number;
                resolution?: number;
            };
            thresholds: {
                actions: {
                    /** @enum {string} */
                    kind: "notify" | "reassign" | "escalate" | "set_priority";
                    /** @enum {string} */
                    priority?: "P1" | "P2" | "P3" | "P4";
                    to?: ("assignee" | "desk_managers" | "level_members" | "requester")[];
                }[];
                percent: number;
            }[];
            when: {
                catalog?: string[];
                desks?: string[];
                locations?: string[];
                organisations?: string[];
                priorities?: ("P1" | "P2" | "P3" | "P4")[];
                types?: ("incident" | "service_request")[];
                vip?: boolean;
            };
        };
        AdminStaffMember: {
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "manager" | "agent";
            /** @description Ends the agent's mailed public replies */
            signature?: string;
        };
        ApprovalDecision: {
            /** @description Required when rejecting: the requester reads it */
            comment?: string;
            /** @enum {string} */
            decision: "approve" | "reject";
        };
        ApprovalInboxItem: {
            catalogItem?: {
                id: string;
                name: string;
            };
            /** @description The ticket key; decide with POST /tickets/{key}/approval */
            key: string;
            /**
             * Format: date-time
             * @description When the request was made
             */
            requestedAt: string;
            requester: {
                email: string;
                name?: string;
            };
            /** @enum {string} */
            status: "pending_approval" | "new" | "open" | "pending" | "on_hold" | "resolved" | "closed";
            step: {
                /** @description Which step of the approval waits (0 is the first) */
                index: number;
                /** @enum {string} */
                kind?: "user" | "requester_manager" | "group";
                label: string;
            };
            subject: string;
            /**
             * Format: date-time
             * @description When the step started waiting for a decision
             */
            waitingSince: string;
        };
        ApprovalLinkDecision: {
            /** @description Required when rejecting: the requester reads it */
            comment?: string;
            /** @enum {string} */
            decision: "approve" | "reject";
            /** @description The token of the approval link */
            token: string;
        };
        ApprovalPageDecision: {
            /** @description Required when rejecting: the requester reads it */
            comment?: string;
            /** @description Added by the approval page's script when a person clicks Approve or Reject */
            confirmation: string;
            /** @enum {string} */
            decision: "approve" | "reject";
            /** @description The token of the approval link */
            token: string;
        };
        Attachment: {
            contentType: string;
            /** @description An image shown inside the mail body */
            inline?: boolean;
            /** @description Object key in the mail bucket; absent when the file was not stored */
            location?: string;
            name: string;
            /** @description Why the file was not stored, e.g. over the size limit */
            refused?: string;
            /** @description Bytes */
            size: number;
        };
        AttachmentLink: {
            expiresInSeconds: number;
            name: string;
            /** @description A presigned download link; it downloads the file under its name */
            url: string;
        };
        CatalogFormField: {
            default?: string | number | string[];
            help?: string;
            /** @description The custom field the value is stored in */
            id: string;
            label: string;
            /** @description Upper bound of a number, or maximum length of text */
            max?: number;
            /** @description Lower bound of a number, or minimum length of text */
            min?: number;
            /** @description Allowed values of choice and multi_choice fields */
            options?: string[];
            required: boolean;
            /** @enum {string} */
            type: "text" | "number" | "date" | "choice" | "multi_choice" | "email" | "user" | "asset";
        };
        CatalogNode: {
            children: components["schemas"]["CatalogNode"][];
            description?: string;
            form: components["schemas"]["CatalogFormField"][];
            /** @description The catalog item id; tickets opened from it record it as catalogItem */
            id: string;
            name: string;
            /** @description Shown first on the portal's home page */
            pinned: boolean;
            requiresApproval: boolean;
            /**
             * @description The type of ticket a request for this item opens
             * @enum {string}
             */
            type: "incident" | "service_request";
        };
        Comment: {
            attachments: components["schemas"]["Attachment"][];
            author: {
                email: string;
                name?: string;
                /** @enum {string} */
                role: "requester" | "agent" | "system";
            };
            body: string;
            /** Format: date-time */
            createdAt: string;
            html?: string;
            id: string;
            /**
             * @description unverified: a mail claiming to be from staff whose sender SES did not authenticate (internal, never mailed, not a response)
             * @enum {string}
             */
            kind?: "unverified";
            /** @description The Message-ID of that mail */
            messageId?: string;
            public: boolean;
            /** @description Where the raw mail is kept, when the comment came by mail */
            rawMail?: string;
            ticketKey: string;
            /** @description Files of the mail beyond the listed ones: counted, kept only in the raw mail */
            unlistedAttachments?: {
                bytes: number;
                count: number;
            };
        };
        CreateInvitation: {
            /**
             * Format: email
             * @description The address the person signs up with
             */
            email: string;
            /** @description How the invitation mail greets them */
            name?: string;
        };
        CreateTicket: {
            /** @description Upload ids from POST /uploads, of files the caller uploaded */
            attachments?: string[];
            /** @description What is asked for (GET /catalog); routes the ticket and names its form */
            catalogItem?: string;
            /** @description Free category path; a catalog item sets its own */
            category?: string[];
            /**
             * @description The request form's values, by field id
             * @default {}
             */
            customFields: {
                [key: string]: string | number | boolean | string[] | null;
            };
            /** @default  */
            description: string;
            /** @description Staff only: skips routing. Defaults to routing by catalog item and rules */
            desk?: string;
            /** @enum {string} */
            impact?: "high" | "medium" | "low";
            /**
             * @description Derived from impact x urgency when omitted
             * @enum {string}
             */
            priority?: "P1" | "P2" | "P3" | "P4";
            /** @description Who asked; staff and clients must give it, a requester is itself */
            requester?: {
                /** Format: email */
                email: string;
                name?: string;
            };
            subject: string;
            /** @default [] */
            tags: string[];
            /**
             * @description Defaults to the catalog item's type, else incident
             * @enum {string}
             */
            type?: "incident" | "service_request";
            /** @enum {string} */
            urgency?: "high" | "medium" | "low";
        };
        CreateUpload: {
            /** @description The Content-Type the form must send the file with */
            contentType: string;
            /** @description The file name the ticket lists and downloads give */
            fileName: string;
            /** @description Bytes */
            size: number;
        };
        DeskQueueCounts: {
            /** @description Tickets in an active status: pending_approval, new, open, pending, on_hold */
            active: number;
            /** @description Active tickets whose SLA is at risk (a warning fired), not breached */
            atRisk: number;
            /** @description Active tickets whose SLA is breached */
            breached: number;
            id: string;
            levels: components["schemas"]["LevelQueueCounts"][];
            name: string;
            /** @description Active tickets nobody is assigned to */
            unassigned: number;
        };
        DeskTeam: {
            desk: {
                id: string;
                name: string;
            };
            levels: components["schemas"]["TeamLevel"][];
            /** @description Active tickets of the desk nobody is assigned to */
            unassigned: number;
        };
        Error: {
            error: {
                code: string;
                details: {
                    message: string;
                    path: string;
                }[];
                message: string;
            };
        };
        Escalate: {
            /** @description true confirms moving the ticket out of a restricted desk: its internal notes become visible to the new desk; without it such a move is refused (422) */
            confirmRestrictedMove?: boolean;
            /** @description Recorded in the history */
            reason?: string;
        };
        HistoryEvent: {
            /** @enum {string} */
            action: "created" | "routed" | "assigned" | "updated" | "commented" | "escalated" | "approval" | "sla";
            actor: {
                id: string;
                /** @enum {string} */
                kind: "user" | "client" | "system";
                name?: string;
            };
            /** Format: date-time */
            at: string;
            changes: {
                field: string;
                from: unknown;
                to: unknown;
            }[];
            commentId?: string;
            detail?: string;
            id: string;
            ticketKey: string;
        };
        Invitation: {
            email: string;
            /**
             * Format: date-time
             * @description Until then the address may sign up; inviting again moves it on
             */
            expiresAt: string;
            /** Format: date-time */
            invitedAt: string;
            invitedBy: string;
            name?: string;
        };
        LevelQueueCounts: {
            active: number;
            id: string;
            name: string;
            unassigned: number;
        };
        MyQueues: {
            /** @description Each desk the caller works, in configuration order */
            desks: components["schemas"]["DeskQueueCounts"][];
            mine: components["schemas"]["MyWorkCounts"];
        };
        MyWorkCounts: {
            /** @description Active tickets assigned to the caller, pending_approval included */
            active: number;
            atRisk: number;
            breached: number;
        };
        QuarantineDay: {
            /** Format: date */
            day: string;
            items: components["schemas"]["QuarantinedMail"][];
        };
        QuarantinedMail: {
            /** Format: date-time */
            at: string;
            from?: string;
            /** @description Where the raw mail is, e.g. s3://bucket/inbound/abc */
            location: string;
            messageId?: string;
            /**
             * @description Readable mail deliberately not applied (a duplicate, automatic mail on no open ticket); absent when quarantined
             * @constant
             */
            outcome?: "ignored";
            reason: string;
        };
        ReplyPreview: {
            /** @description The watchers, the people this reply copies among them */
            cc: string[];
            /** @description The desk's mailbox as the mail names it: `Name <address>` */
            from: string;
            /** @description The HTML part */
            html?: string;
            /** @description With the ticket token, as sent */
            subject: string;
            /** @description Addresses the mail leaves out, and why */
            suppressed: {
                address: string;
                /** @description The reason in words */
                detail: string;
                /**
                 * @description unmailable: SES cannot send to the address; undeliverable: mail to it bounced for good; not_mailed: a reply of this caller is not mailed at all
                 * @enum {string}
                 */
                reason: "unmailable" | "undeliverable" | "not_mailed";
            }[];
            /** @description The plain-text part, ending with the agent's signature before the desk's footer */
            text: string;
            /** @description Where the mail goes: the requester (at the Reply-To kept for them), or the people copied when the requester cannot be mailed */
            to: string[];
        };
        ReplyPreviewRequest: {
            /** @description The reply as typed so far; without it the preview still names the recipients */
            body?: string;
            /** @description Staff and write clients, on a public reply: up to 10 people to copy. They become watchers of the ticket (they get its public replies and may answer by mail, with none of the requester's rights), recorded in the history, and get this reply */
            cc?: string[];
            /** @description Sanitised as the reply's would be */
            html?: string;
        };
        ResolutionDecision: {
            /** @description Required when reopening: what is still wrong. Added as the requester's public comment */
            comment?: string;
            /**
             * @description confirm closes the ticket; reopen sends it back to the desk
             * @enum {string}
             */
            decision: "confirm" | "reopen";
        };
        SetAgentAvailability: {
            /** @description false: automatic assignment skips the agent */
            available: boolean;
        };
        TeamLevel: {
            /** @enum {string} */
            assignment: "round_robin" | "workload" | "free" | "manual";
            id: string;
            members: components["schemas"]["TeamMember"][];
            name: string;
        };
        TeamMember: {
            /** @description Assigned active tickets whose SLA is at risk */
            atRisk: number;
            /** @description false: automatic assignment skips the agent */
            available: boolean;
            /** @description Assigned active tickets whose SLA is breached */
            breached: number;
            email: string;
            name: string;
            /** @description Assigned tickets in new, open, pending or on_hold: what workload assignment compares */
            openTickets: number;
            /** @enum {string} */
            role: "admin" | "manager" | "agent";
        };
        Ticket: {
            approval?: {
                current: number;
                /** @enum {string} */
                state: "pending" | "approved" | "rejected";
                steps: {
                    approvers: string[];
                    comment?: string;
                    /** Format: date-time */
                    decidedAt?: string;
                    decidedBy?: string;
                    /** @enum {string} */
                    decision?: "approved" | "rejected";
                    /**
                     * @description How the approvers were found: a named person, the requester's manager, a group
                     * @enum {string}
                     */
                    kind?: "user" | "requester_manager" | "group";
                    label: string;
                }[];
            };
            assignee?: string;
            /** @description Files of the mail that opened the ticket */
            attachments?: components["schemas"]["Attachment"][];
            catalogItem?: string;
            category: string[];
            /** @enum {string} */
            channel: "api" | "email" | "intake";
            /** Format: date-time */
            closedAt?: string;
            /** Format: date-time */
            createdAt: string;
            customFields: {
                [key: string]: string | number | boolean | string[] | null;
            };
            description: string;
            desk: string;
            /** Format: date-time */
            firstResponseAt?: string;
            /** @enum {string} */
            impact?: "high" | "medium" | "low";
            /** @description Set when another system opened the ticket through the intake queue */
            intake?: {
                deliveryId: string;
                externalId: string;
                source: string;
            };
            key: string;
            lastPublicReply?: {
                /** Format: date-time */
                at: string;
                /** @enum {string} */
                by: "agent" | "requester";
            };
            level: string;
            /** @enum {string} */
            priority: "P1" | "P2" | "P3" | "P4";
            /** @description Where the raw mail that opened the ticket is kept */
            rawMail?: string;
            requester: {
                email: string;
                location?: string;
                name?: string;
                organisation?: string;
                /** @description Where mail to the requester goes: a Reply-To in the sender's own domain or listed for them in the directory */
                replyTo?: string;
                /** @description Why the desk cannot mail the requester; nothing is sent to them */
                unmailable?: string;
                vip?: boolean;
            };
            /** @description The requester's last answer to a resolution */
            resolutionDecision?: {
                /** Format: date-time */
                at: string;
                /** @enum {string} */
                decision: "confirm" | "reopen";
            };
            /** Format: date-time */
            resolvedAt?: string;
            sla?: {
                clocks: {
                    /** Format: date-time */
                    asOf: string;
                    /** Format: date-time */
                    breachedAt?: string;
                    /** @description While running, at risk or breached (not met, not paused): the target minus the working time used, as of the response; negative once breached, by how far over */
                    businessMinutesLeft?: number;
                    /** @description Working time used, as of asOf */
                    consumedMinutes: number;
                    /** @description With businessMinutesLeft: until this instant (the next closing of the business calendar) the time left falls one minute per minute of wall time; null while the calendar is closed, when it stands still until nextOpening */
                    countsDownUntil?: string | null;
                    /**
                     * Format: date-time
                     * @description While running: when the target is reached
                     */
                    deadline?: string;
                    firedThresholds: number[];
                    /** Format: date-time */
                    metAt?: string;
                    /** @enum {string} */
                    metric: "first_response" | "next_response" | "resolution";
                    /**
                     * Format: date-time
                     * @description When countsDownUntil is null: the next opening of the business calendar, from which the time left falls again
                     */
                    nextOpening?: string;
                    /** @description Working time that passed while paused */
                    pausedMinutes: number;
                    /** Format: date-time */
                    startedAt: string;
                    /** @enum {string} */
                    state: "running" | "paused" | "met" | "at_risk" | "breached";
                    targetMinutes: number;
                }[];
                policy: string;
                version: number;
            };
            /** @description Message-ID of the mail that opened the ticket */
            sourceMessageId?: string;
            /** @enum {string} */
            status: "pending_approval" | "new" | "open" | "pending" | "on_hold" | "resolved" | "closed";
            subject: string;
            tags: string[];
            /** @enum {string} */
            type: "incident" | "service_request";
            /** @description Set when the DMARC check failed for the mail that opened the ticket */
            unauthenticatedSender?: string;
            /** @description Files of the mail beyond the listed ones: counted, kept only in the raw mail */
            unlistedAttachments?: {
                bytes: number;
                count: number;
            };
            /** Format: date-time */
            updatedAt: string;
            /** @enum {string} */
            urgency?: "high" | "medium" | "low";
            /** @description Also sent as the ETag; send it back in If-Match */
            version: number;
            /**
             * @description Whose move the ticket waits for: requester (pending), approval (a step is open), desk; absent once resolved or closed
             * @enum {string}
             */
            waitingOn?: "requester" | "approval" | "desk";
            /** @description People the requester copied on mail: they get public replies and may answer by mail, with none of the requester's rights */
            watchers?: string[];
        };
        UpdateTicket: {
            /** @description An agent of the desk, or null to unassign */
            assignee?: string | null;
            /** @description Recategorise: routes and assigns again */
            catalogItem?: string;
            category?: string[];
            /** @description true confirms moving the ticket out of a restricted desk: its internal notes become visible to the new desk; without it such a move is refused (422) */
            confirmRestrictedMove?: boolean;
            customFields?: {
                [key: string]: string | number | boolean | string[] | null;
            };
            desk?: string;
            impact?: ("high" | "medium" | "low") | null;
            level?: string;
            /** @enum {string} */
            priority?: "P1" | "P2" | "P3" | "P4";
            /** @enum {string} */
            status?: "pending_approval" | "new" | "open" | "pending" | "on_hold" | "resolved" | "closed";
            subject?: string;
            tags?: string[];
            urgency?: ("high" | "medium" | "low") | null;
        };
        Upload: {
            /**
             * Format: date-time
             * @description The form is refused after this
             */
            expiresAt: string;
            fields: {
                [key: string]: string;
            };
            /** @description The largest file the form takes */
            maxBytes: number;
            /** @description Name it in `attachments` of POST /tickets or POST /tickets/{key}/comments */
            uploadId: string;
            /** @description Post a multipart/form-data form here: every field of `fields`, then the file as `file` */
            url: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
