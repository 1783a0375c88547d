// Generated from the API's OpenAPI document by `npm run web:api`; do not edit.

export interface paths {
    "/admin/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the running configuration
         * @description `{ config }`: the configuration the desk runs, read-only: desks (restricted, managers, `escalateTo`, levels with members and assignment method), staff (email, name, role, signature), groups, the catalog (each node with its inherited desk, level, type and priority, its form, and its approval steps with their approvers), SLA policies (targets in working minutes), calendars, routing rules, the mailbox (`address`, `name`, reply and attachment limits), uploads and sign-in (self sign-up domains, one-time codes, identity providers by id, name, type, issuer or metadata URL and domains).
         *
         *     Left out: the identity providers' `clientId` and `clientSecretName`, the SES `receiptRuleSet`, the notification templates and the directory.
         */
        get: operations["getAdminConfig"];
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
        /**
         * Set whether an agent takes automatic assignments
         * @description `{ "available": false }` takes the agent out of automatic assignment; `true` puts the agent back.
         */
        put: operations["setAgentAvailability"];
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
        /**
         * The page an approval email links to
         * @description An HTML page with the request and a form (comment, Approve, Reject) that posts to `POST /approvals/decide`. Opening it decides nothing, and posting its form decides only with the confirmation the page's script adds on a person's click. A forged or expired link (403) or a spent one (409) gets a page saying so.
         */
        get: operations["getApprovalPage"];
        put?: never;
        /**
         * Approve or reject through the link of an approval email
         * @description `{ token, decision, comment }` as JSON, or as the approval page's form post with its `confirmation`, which is answered with a page (400 without the confirmation; 403 for another page's confirmation or one sent within 2 s of the page). The link names the ticket, the step and the approver; it expires after 14 days and is spent once its step is decided. The answer gives the outcome only.
         */
        post: operations["decideApprovalByLink"];
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
        /**
         * Read the service catalog
         * @description The catalog tree with each item's type, description, `pinned` flag, form (label, help, default, required, options, min, max) and whether it needs approval. It shows no desks, levels or approvers.
         */
        get: operations["getCatalog"];
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
        /**
         * List a desk's queue
         * @description The desk's queue, or one `level` of it, with the filters and `order` of `GET /tickets` (listTickets): by priority then age, or by the nearest SLA deadline. `assignee` is an email, `me` or `none` (unassigned). An unknown filter value is a 400 naming its parameter.
         */
        get: operations["getDeskQueue"];
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
        /**
         * Read a desk's team
         * @description `{ desk: { id, name }, unassigned, levels: [{ id, name, assignment, members: [{ email, name, role, available, openTickets, atRisk, breached }] }] }`: the assignee picker and the manager's team view, from the configuration and the agents' counters and availability (one GetItems; no item means available and zero). `openTickets` is the workload count (new, open, pending, on hold); `atRisk` and `breached` count the member's assigned active tickets. A 404 for no such desk, a 403 for a desk the caller does not work.
         */
        get: operations["getDeskTeam"];
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
        /**
         * Liveness
         * @description Answers 200 while the API is up. It reads no data.
         */
        get: operations["getHealth"];
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
        /**
         * Invite a person to sign up
         * @description Invites a person (`email`, optionally `name`) to sign up to the portal for 30 days and mails them a link to the web app (`PUBLIC_WEB_URL`). Inviting the same address again refreshes the invitation and mails it again: 201 for a new invitation, 200 for a refreshed one.
         */
        post: operations["createInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mail/blocked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the blocked senders and domains
         * @description Every block in force, domains first, each with who blocked it, when, and the note.
         */
        get: operations["listBlockedMailSenders"];
        put?: never;
        /**
         * Block a sender or a domain
         * @description Blocks one `sender` address or a `domain` with its subdomains (send one of the two, and a `note` if you like). Their mail is then kept aside in `GET /mail/quarantine` with the reason `blocked`: it opens no ticket, adds nothing to a ticket, and is never answered. Blocking what is blocked already keeps the first entry: 201 for a new block, 200 with the entry in force.
         */
        post: operations["blockMailSender"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mail/blocked/{entry}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Lift the block of a sender or a domain
         * @description Lifts the block `entry` names: an address for a blocked sender, a domain otherwise. The next mail goes through; mail held while it was blocked stays in the quarantine. Lifting a block that is not there answers 204 too.
         */
        delete: operations["unblockMailSender"];
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
        /**
         * List the mail kept aside on a day
         * @description Mail kept aside on the day (unreadable, spam, virus, too large to store) and mail ignored (`outcome: "ignored"`: duplicates, automatic mail on no open ticket), each with the reason and where its raw bytes are.
         */
        get: operations["listQuarantinedMail"];
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
        /**
         * List the requests waiting for the caller's decision
         * @description The requests waiting for the caller's decision (matched by the caller's verified email), the longest waiting first: key, subject, requester, catalog item, the step (index, kind, label), `requestedAt`, `waitingSince` and status. Decide with `POST /tickets/{key}/approval`. One Query of the caller's approval inbox (a sparse partition of GSI3), whose items the ticket's own transactions write and settle as steps open and are decided.
         */
        get: operations["listMyApprovals"];
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
        /**
         * Count the caller's work and queues
         * @description The console's sidebar: `{ mine: { active, atRisk, breached }, desks: [{ id, name, active, unassigned, atRisk, breached, levels: [{ id, name, active, unassigned }] }] }` for the caller's own assigned work and each desk the caller works. `active` counts every active status, pending approval included. The counts are exact: read from counters the ticket transactions keep, one GetItem each.
         */
        get: operations["getMyQueues"];
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
        /**
         * This document
         * @description This OpenAPI 3.1 document, generated from the same zod schemas the handlers validate requests with.
         */
        get: operations["getOpenApiDocument"];
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
        /**
         * List tickets
         * @description A desk's queue or an agent's work, by priority then age, or a requester's tickets, newest first. Staff who give none of `desk`, `assignee` and `requester` get their own work; requesters always get their own tickets; a client must name one of the three. The filters narrow by status, SLA state, priority, channel and catalog item.
         *
         *     `order=due` puts the nearest SLA deadline first: breached tickets first, tickets with no running clock last by priority and age. It lists active statuses only (a 400 naming `order` otherwise, and for a requester's list). An agent's work by due date merges the due partitions of the desks the caller works. An unknown filter value is a 400 naming its parameter.
         */
        get: operations["listTickets"];
        put?: never;
        /**
         * Open a ticket
         * @description A requester opens a ticket for itself; staff and clients name the `requester`. With a `catalogItem`, `customFields` are the values of its form (a 400 names each missing or wrong field), and the ticket is routed, assigned or held for approval. `attachments` takes upload ids from `POST /uploads` (see createUpload).
         *
         *     `Idempotency-Key` makes retries safe: within a day, a replay with the same body answers 200 with the ticket as first created (404 once the caller may no longer see it), another body under the same key gets a 422 naming `Idempotency-Key`, and a replay takes no ticket number.
         */
        post: operations["createTicket"];
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
        /**
         * Read a ticket and its conversation
         * @description The ticket and its conversation; internal notes only for staff. The `ETag` header is the ticket's version.
         */
        get: operations["getTicket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a ticket
         * @description Changes status, priority (or impact and urgency), category, desk, level, assignee, tags and custom fields. A new `catalogItem` recategorises the ticket: it is routed and assigned again.
         *
         *     Moving a ticket out of a restricted desk (by `desk`, by recategorising, or by escalation) needs `"confirmRestrictedMove": true` (422 without it), since its internal notes go with it. With `If-Match`, a stale version gets a 412; without it, the change is applied again to the latest version.
         */
        patch: operations["updateTicket"];
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
        /**
         * Approve or reject a request
         * @description `decision` is `approve` or `reject`, with a `comment` (a rejection needs its reason). The last approval releases the ticket to its desk and assigns it; a rejection closes it and tells the requester why.
         */
        post: operations["decideApproval"];
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
        /**
         * Download a file of a ticket
         * @description A 302 to a download link that works for 5 minutes (a presigned S3 URL); the body gives the link too, with the file name. With `Accept: application/json` the same body comes as a 200 answer, since a browser's fetch cannot read a redirect. `location` is the `location` of an attachment on the ticket or on one of its comments; anything else is a 404.
         */
        get: operations["getAttachment"];
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
        /**
         * Reply or add an internal note
         * @description A public reply, or an internal note with `"public": false`; `html` is sanitised. `attachments` takes upload ids from `POST /uploads` (see createUpload).
         *
         *     `cc` (staff and write clients, public replies only, at most 10): the people copied become watchers of the ticket in the reply's own write (the history records them; a ticket has at most 50 watchers) and get the reply. A 400 names `cc` on a note or from a requester, and `cc[i]` for an address the desk cannot mail or one of the desk's own mail domain.
         *
         *     An agent's reply is mailed to the requester (at the Reply-To kept for them) with every watcher in Cc, ending with the agent's `signature`; the stored comment stays as typed.
         *
         *     `Idempotency-Key` makes retries safe: within a day, the same caller's key on the same ticket answers 200 with the first comment, even if the ticket has moved on (closed) since.
         */
        post: operations["addComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{key}/comments/{commentId}/accept-sender": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a new participant's mail
         * @description A reply by mail on the ticket's own thread (In-Reply-To or References naming a mail of the ticket, or its signed reply address) from someone not on the ticket is kept as an internal comment of kind `unverified` with `unverified.reason` `new_participant` and `unverified.sender`. Accepting it adds the sender as a watcher and makes the mail a public reply (`acceptedSender` records who accepted, and when), in one write with a history event. Accepting again answers 200 and changes nothing.
         *
         *     Only such mail can be accepted: an unverified mail claiming to come from staff gets a 409, as does a closed ticket. A sender the ticket cannot take as a watcher (50 already, or an address of the desk's own mail domain) gets a 400 naming `sender`.
         */
        post: operations["acceptSender"];
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
        /**
         * Escalate a ticket
         * @description Moves the ticket to the desk's next level, or after its last level to the first level of the desk's `escalateTo` desk, and assigns it by that level's method. The `reason` is recorded in the history. A 409 when there is nowhere to go; an escalation out of a restricted desk needs `"confirmRestrictedMove": true` (422 without it).
         */
        post: operations["escalateTicket"];
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
        /**
         * Read a ticket's audit log
         * @description The ticket's audit log, oldest first, a page at a time: creation, routing and assignment (with the rule or method that decided), updates, comments, escalations and approvals.
         */
        get: operations["getTicketHistory"];
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
        /**
         * Preview the mail a public reply would send
         * @description The mail a public reply with this `body`, `html` and `cc` would send now, rendered and addressed by the notification's own code: `{ from, to, cc, subject, text, html, suppressed }`, with the agent's signature and the ticket token. Bounced and unmailable addresses are left out and listed in `suppressed` as `{ address, reason, detail }`, with `reason` `undeliverable` or `unmailable`. A machine client's replies are not mailed, so it gets every address as `not_mailed`.
         *
         *     Without a body it still names the recipients. It writes nothing; a closed ticket or a desk without a mailbox gets a 409.
         */
        post: operations["previewReply"];
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
        /**
         * Confirm or reopen a resolved ticket
         * @description On a resolved ticket, `confirm` closes it; `reopen` (a `comment` is required, posted as the requester's public reply) sends it back to `open` as a requester's reply does, SLA clocks included. A ticket that is not resolved gets a 409 `ticket_not_resolved`; the same decision sent again after it took effect answers 200 with the ticket as it is.
         */
        post: operations["decideResolution"];
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
        /**
         * Get a form to upload one file
         * @description `{ fileName, contentType, size }` gives `{ uploadId, url, fields, maxBytes, expiresAt }`: a form the browser posts as multipart/form-data straight to the upload bucket (every field of `fields`, then the file as `file`). S3 takes it for 15 minutes, only under the caller's own key, with that Content-Type and within `uploads.maxFileBytes` (a 400 names `size` when the declared size is larger).
         *
         *     `POST /tickets` and `POST /tickets/{key}/comments` then take `"attachments": [uploadId, ...]`: at most `uploads.maxCount` (a 400 naming `attachments` otherwise), each an upload of the caller's own that was sent (a 400 naming `attachments[i]` otherwise). The files are moved to the ticket's attachments and listed like a mail's. Requesters attach files to their own public replies; staff to internal notes too.
         */
        post: operations["createUpload"];
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
        BlockedSender: {
            /** Format: date-time */
            blockedAt: string;
            /** @description The admin who blocked it */
            blockedBy: string;
            /** @enum {string} */
            kind: "sender" | "domain";
            note?: string;
            /** @description The address or the domain */
            value: string;
        };
        BlockedSenderList: {
            items: components["schemas"]["BlockedSender"][];
        };
        BlockedSenderResponse: {
            blocked: components["schemas"]["BlockedSender"];
        };
        BlockMail: {
            /** @description A domain to block with its subdomains, e.g. example.org */
            domain?: string;
            /** @description Why, for the other admins */
            note?: string;
            /**
             * Format: email
             * @description One address to block; its domain stays open
             */
            sender?: string;
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
            /** @description Set once staff accepted a new participant's mail: it is public since */
            acceptedSender?: {
                /** Format: date-time */
                at: string;
                /** @description Who accepted them */
                by: string;
                /** @description The accepted address, now a watcher */
                sender: string;
            };
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
             * @description unverified: a mail whose sender the desk cannot vouch for, as `unverified` says (internal, never mailed, not a response)
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
            /** @description With kind unverified: why, and who sent it (absent on older mail: unauthenticated_staff) */
            unverified?: {
                /**
                 * @description unauthenticated_staff: claims to come from staff, but SES did not authenticate the sender; new_participant: a reply on the thread from someone not on the ticket, which staff may accept (POST /tickets/{key}/comments/{commentId}/accept-sender)
                 * @enum {string}
                 */
                reason: "unauthenticated_staff" | "new_participant";
                /** @description The address the mail came from */
                sender: string;
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
        /** @description API Gateway's own answer, given before any handler runs */
        GatewayMessage: {
            /** @description Unauthorized, Too Many Requests, ... */
            message: string;
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
            /** @description What held it, e.g. the domain that is blocked */
            detail?: string;
            from?: string;
            /** @description Where the raw mail is, e.g. s3://bucket/inbound/abc */
            location: string;
            messageId?: string;
            /**
             * @description Readable mail deliberately not applied (a duplicate, automatic mail on no open ticket); absent when quarantined
             * @constant
             */
            outcome?: "ignored";
            /** @description Why it was kept aside; `blocked` (a blocked sender or domain) and `flood` (over the new-ticket limit) are held for an admin */
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
            /** @description The language (ISO 639-1) mail to the requester is written in, decided when the ticket opened: the directory's, else the language of the mail that opened it, else the desk's default */
            language?: string;
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
            /** @description One level of the desk, by id; every level by default */
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
    responses: {
        /** @description Too many requests: over the API stage's throttle, API Gateway answers before the handler runs (deployed only); retry later */
        Throttled: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayMessage"];
            };
        };
        /** @description A missing, invalid or expired bearer token: API Gateway's JWT authorizer answers before the handler runs */
        Unauthorized: {
            headers: {
                /** @description Bearer; when a token was sent, with error="invalid_token" and an error_description naming the fault */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayMessage"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAdminConfig: {
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
            401: components["responses"]["Unauthorized"];
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["Throttled"];
        };
    };
    setAgentAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The agent's email address */
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
            401: components["responses"]["Unauthorized"];
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
            429: components["responses"]["Throttled"];
        };
    };
    getApprovalPage: {
        parameters: {
            query: {
                /** @description The token of the approval link */
                token: string;
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
            429: components["responses"]["Throttled"];
        };
    };
    decideApprovalByLink: {
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
            429: components["responses"]["Throttled"];
        };
    };
    getCatalog: {
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
            401: components["responses"]["Unauthorized"];
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["Throttled"];
        };
    };
    getDeskQueue: {
        parameters: {
            query?: {
                /** @description An agent email, me, or none for unassigned tickets */
                assignee?: "me" | "none" | string;
                /** @description Only tickets of this catalog item (GET /catalog) */
                catalogItem?: string;
                /** @description Only tickets that came in this way */
                channel?: "api" | "email" | "intake";
                /** @description The `nextCursor` of the previous page; left out for the first page */
                cursor?: string;
                /** @description One level of the desk, by id; every level by default */
                level?: string;
                /** @description How many items a page holds at most */
                limit?: number;
                /** @description priority (default): priority, then age; due: the nearest SLA deadline first (breached ones first, tickets with no running clock last, by priority and age); due lists active statuses only */
                order?: "priority" | "due";
                /** @description Only these priorities, separated by commas: P1 or P1,P2 */
                priority?: string;
                /** @description Only tickets whose SLA is at risk (a warning fired) or breached */
                sla?: "at_risk" | "breached";
                /** @description Statuses separated by commas (`open,pending`), `active` (the default: pending_approval, new, open, pending and on_hold) or `all` */
                status?: string;
            };
            header?: never;
            path: {
                /** @description The desk id, as in the configuration (it, facilities) */
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
            401: components["responses"]["Unauthorized"];
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
            429: components["responses"]["Throttled"];
        };
    };
    getDeskTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The desk id, as in the configuration (it, facilities) */
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
            401: components["responses"]["Unauthorized"];
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
            429: components["responses"]["Throttled"];
        };
    };
    getHealth: {
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
            429: components["responses"]["Throttled"];
        };
    };
    createInvitation: {
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
            401: components["responses"]["Unauthorized"];
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["Throttled"];
        };
    };
    listBlockedMailSenders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The blocks in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlockedSenderList"];
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
            401: components["responses"]["Unauthorized"];
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["Throttled"];
        };
    };
    blockMailSender: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlockMail"];
            };
        };
        responses: {
            /** @description Blocked already: the entry in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlockedSenderResponse"];
                };
            };
            /** @description The new block */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlockedSenderResponse"];
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
            401: components["responses"]["Unauthorized"];
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["Throttled"];
        };
    };
    unblockMailSender: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The blocked address or domain, e.g. robot@example.org or example.org */
                entry: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The block is lifted, or was not there */
            204: {
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
            401: components["responses"]["Unauthorized"];
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["Throttled"];
        };
    };
    listQuarantinedMail: {
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
            401: components["responses"]["Unauthorized"];
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["Throttled"];
        };
    };
    listMyApprovals: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page; left out for the first page */
                cursor?: string;
                /** @description How many items a page holds at most */
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
            401: components["responses"]["Unauthorized"];
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["Throttled"];
        };
    };
    getMyQueues: {
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
            401: components["responses"]["Unauthorized"];
            /** @description Not staff: requesters and machine clients have no queues */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["Throttled"];
        };
    };
    getOpenApiDocument: {
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
            429: components["responses"]["Throttled"];
        };
    };
    listTickets: {
        parameters: {
            query?: {
                /** @description An agent email, or me */
                assignee?: "me" | string;
                /** @description Only tickets of this catalog item (GET /catalog) */
                catalogItem?: string;
                /** @description Only tickets that came in this way */
                channel?: "api" | "email" | "intake";
                /** @description The `nextCursor` of the previous page; left out for the first page */
                cursor?: string;
                /** @description A desk's queue: its tickets (staff of the desk, read clients) */
                desk?: string;
                /** @description How many items a page holds at most */
                limit?: number;
                /** @description priority (default): priority, then age; due: the nearest SLA deadline first (breached ones first, tickets with no running clock last, by priority and age); due lists active statuses only */
                order?: "priority" | "due";
                /** @description Only these priorities, separated by commas: P1 or P1,P2 */
                priority?: string;
                /** @description A requester's tickets, newest first; requesters may give only their own address */
                requester?: string;
                /** @description Only tickets whose SLA is at risk (a warning fired) or breached */
                sla?: "at_risk" | "breached";
                /** @description Statuses separated by commas (`open,pending`), `active` (the default: pending_approval, new, open, pending and on_hold) or `all` */
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
            401: components["responses"]["Unauthorized"];
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["Throttled"];
        };
    };
    createTicket: {
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
            401: components["responses"]["Unauthorized"];
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
            429: components["responses"]["Throttled"];
        };
    };
    getTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The ticket key, such as SD-42 */
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
            401: components["responses"]["Unauthorized"];
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
            429: components["responses"]["Throttled"];
        };
    };
    updateTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                /** @description The ticket key, such as SD-42 */
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
            401: components["responses"]["Unauthorized"];
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
            429: components["responses"]["Throttled"];
        };
    };
    decideApproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The ticket key, such as SD-42 */
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
            401: components["responses"]["Unauthorized"];
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
            429: components["responses"]["Throttled"];
        };
    };
    getAttachment: {
        parameters: {
            query: {
                /** @description The `location` of an attachment of the ticket or of one of its comments */
                location: string;
            };
            header?: never;
            path: {
                /** @description The ticket key, such as SD-42 */
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
            401: components["responses"]["Unauthorized"];
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
            429: components["responses"]["Throttled"];
        };
    };
    addComment: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key within a day returns the first comment (200) instead of adding it again */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The ticket key, such as SD-42 */
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
            401: components["responses"]["Unauthorized"];
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
            429: components["responses"]["Throttled"];
        };
    };
    acceptSender: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of the unverified comment */
                commentId: string;
                /** @description The ticket key, such as SD-42 */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comment, now public, and the ticket */
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
            /** @description Invalid input; details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such ticket or comment, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a new participant's mail, or the ticket is closed; or a concurrent change (retry) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["Throttled"];
        };
    };
    escalateTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The ticket key, such as SD-42 */
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
            401: components["responses"]["Unauthorized"];
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
            429: components["responses"]["Throttled"];
        };
    };
    getTicketHistory: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page; left out for the first page */
                cursor?: string;
                /** @description How many items a page holds at most */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The ticket key, such as SD-42 */
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
            401: components["responses"]["Unauthorized"];
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
            429: components["responses"]["Throttled"];
        };
    };
    previewReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The ticket key, such as SD-42 */
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
            401: components["responses"]["Unauthorized"];
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
            429: components["responses"]["Throttled"];
        };
    };
    decideResolution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The ticket key, such as SD-42 */
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
            401: components["responses"]["Unauthorized"];
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
            429: components["responses"]["Throttled"];
        };
    };
    createUpload: {
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
            401: components["responses"]["Unauthorized"];
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
            429: components["responses"]["Throttled"];
        };
    };
}
