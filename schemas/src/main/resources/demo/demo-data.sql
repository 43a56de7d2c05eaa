-- Demo data: the 7 prompts and 6 resources MCP servers used to hard-code (one of them,
-- draft_customer_reply, a chat prompt that embeds the support policy), plus a few
-- organizations with overrides of different kinds. Idempotent: existing rows are kept as
-- they are (ON CONFLICT DO NOTHING), so loading it again never undoes an edit.
-- Templates are Mustache: {{argument}}; sections {{#argument}}...{{/argument}} render when set.

INSERT INTO default_prompt (name, title, description, template, arguments) VALUES
('code_review', 'Code review', 'Review a change for bugs, risks and readability.',
$t$You are a senior {{language}} engineer reviewing a change.
Review the code below for correctness, security, performance and readability.
{{#focus}}Pay particular attention to: {{focus}}.
{{/focus}}For each finding give the line, the problem, why it matters and a concrete fix.
End with a verdict: approve, approve with nits, or request changes.

```{{language}}
{{code}}
```$t$,
 '[{"name":"code","description":"The code or diff to review","required":true},
   {"name":"language","description":"Programming language of the code","required":false},
   {"name":"focus","description":"Aspects to focus on, e.g. concurrency","required":false}]'),
('summarize_document', 'Summarize a document', 'Summarize a document for a busy reader.',
$t$Summarize the document below in {{length}} for a reader who has two minutes.
Start with the single most important point. Keep numbers, dates and names exact.
List open questions or decisions the document asks for, if any.

---
{{text}}
---$t$,
 '[{"name":"text","description":"The document to summarize","required":true},
   {"name":"length","description":"Target length, e.g. five bullet points","required":false}]'),
('explain_error', 'Explain an error', 'Explain an error message and how to fix it.',
$t$Explain this error to a developer: what it means, the most likely causes in order, and how to confirm and fix each.

Error:
{{error}}
{{#context}}
Context:
{{context}}
{{/context}}$t$,
 '[{"name":"error","description":"The error message or stack trace","required":true},
   {"name":"context","description":"What the developer was doing","required":false}]'),
('write_sql_query', 'Write a SQL query', 'Turn a question into a SQL query over a given schema.',
$t$Write one {{dialect}} SQL query that answers: {{question}}

Use only these tables and columns:
{{schema}}

Return the query, then one sentence per join or filter saying why it is there. Never modify data.$t$,
 '[{"name":"question","description":"The question to answer","required":true},
   {"name":"schema","description":"The tables and columns available","required":true},
   {"name":"dialect","description":"SQL dialect, e.g. PostgreSQL","required":false}]'),
('generate_unit_tests', 'Generate unit tests', 'Write unit tests for a piece of code.',
$t$Write {{framework}} unit tests for the code below.
Cover the normal path, each edge case and each error path; one behaviour per test, named after it.
Do not mock what you can construct.

{{code}}$t$,
 '[{"name":"code","description":"The code under test","required":true},
   {"name":"framework","description":"Test framework, e.g. JUnit 5","required":false}]'),
('incident_postmortem', 'Incident postmortem', 'Write a blameless postmortem from a timeline.',
$t$Write a blameless postmortem from the timeline below.
Sections: summary, impact ({{impact}}), timeline, root cause, what went well, what went badly, action items with owners.

Timeline:
{{timeline}}$t$,
 '[{"name":"timeline","description":"Timestamped events of the incident","required":true},
   {"name":"impact","description":"Who and what was affected","required":true}]')
ON CONFLICT DO NOTHING;

-- A chat prompt: a user turn, an example answer, the question; the support policy is embedded, so
-- an org's own policy (acme's below) flows into the prompt with no second edit.
INSERT INTO default_prompt (name, title, description, messages, arguments) VALUES
('draft_customer_reply', 'Draft a customer reply', 'Draft a reply to a customer message, following the support policy.',
 $m$[{"role": "user", "content": {"type": "text", "text": "You draft replies to our customers. Acknowledge the problem, say what happens next and when, and never promise what this support policy does not allow:"}},
    {"role": "user", "content": {"type": "resource", "uri": "config://company/support-policy"}},
    {"role": "assistant", "content": {"type": "text", "text": "Understood. I will follow the policy{{#tone}} and keep a {{tone}} tone{{/tone}}. What did the customer write?"}},
    {"role": "user", "content": {"type": "text", "text": "{{customer_message}}"}}]$m$,
 '[{"name":"customer_message","description":"What the customer wrote","required":true},
   {"name":"tone","description":"friendly, formal or apologetic","required":false}]')
ON CONFLICT DO NOTHING;

INSERT INTO default_resource (uri, name, title, description, mime_type, content_text, content_blob) VALUES
('config://company/style-guide', 'style-guide', 'Writing style guide', 'How we write for customers and for each other.', 'text/markdown',
$t$# Writing style guide

- Lead with the answer; details after.
- Short sentences. Active voice. One idea per paragraph.
- Say "we" for the company and "you" for the reader.
- Numbers as digits, dates as 2026-11-24, times in UTC with the zone written out.
- No jargon a new customer would not know; define an acronym on first use.
- Links say where they go: "see the support policy", never "click here".$t$, NULL),
('config://company/support-policy', 'support-policy', 'Customer support policy', 'Response times, refunds and escalation.', 'text/markdown',
$t$# Customer support policy

## Response times
- Severity 1 (service down): first response within 30 minutes, around the clock.
- Severity 2 (degraded): within 4 business hours.
- Everything else: within 1 business day.

## Refunds
Refunds are possible within 30 days of a charge, for the unused part of a plan.
Support may credit up to 1 month of service for an outage; more needs a manager.

## Escalation
Escalate to the on-call engineer for any Severity 1, and to a manager when a customer asks twice.$t$, NULL),
('config://company/glossary', 'glossary', 'Glossary', 'Terms used across the company.', 'application/json',
$t${
  "MCP": "Model Context Protocol: how AI clients discover prompts, resources and tools on a server.",
  "org": "A customer organization; every setting can be overridden per org.",
  "SLA": "Service level agreement: the response and uptime we promise.",
  "on-call": "The engineer who answers Severity 1 pages this week."
}$t$, NULL),
('config://company/security-guidelines', 'security-guidelines', 'Security guidelines', 'Rules for handling data and secrets.', 'text/markdown',
$t$# Security guidelines

1. Never paste secrets, tokens or customer data into tickets, chats or prompts.
2. Customer data stays in the customer's region.
3. Rotate credentials every 90 days and at once when someone leaves.
4. Report a suspected incident to security@ within 1 hour; do not investigate alone.
5. Least privilege: ask for access when you need it, give it back when done.$t$, NULL),
('config://company/api-conventions', 'api-conventions', 'API conventions', 'How our HTTP APIs are shaped.', 'text/markdown',
$t$# API conventions

- Resources are plural nouns: /orgs/{id}/prompts.
- JSON bodies, camelCase fields, RFC 3339 timestamps in UTC.
- Errors: problem+json with a stable "type" and a human "detail".
- Pagination by opaque cursor; never by offset.
- Every write is idempotent given an Idempotency-Key header.$t$, NULL),
('config://company/logo.png', 'logo', 'Company logo', 'The logo, for documents an assistant writes.', 'image/png',
 NULL, decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'))
ON CONFLICT DO NOTHING;

INSERT INTO organization (id, display_name, active) VALUES
('acme', 'Acme Corporation', true),
('globex', 'Globex', true),
('initech', 'Initech', true),
('umbrella', 'Umbrella (suspended)', false)
ON CONFLICT DO NOTHING;

-- acme: the template only (title, arguments, everything else inherited).
INSERT INTO organization_prompt (org_id, name, template) VALUES
('acme', 'code_review',
$t$You review code at Acme. Acme ships {{language}} to regulated customers: flag anything that logs personal data.
{{#focus}}Focus: {{focus}}.
{{/focus}}For each finding: file, line, problem, fix. Verdict last.

```{{language}}
{{code}}
```$t$)
ON CONFLICT DO NOTHING;

-- acme: its own style guide text (name, title, MIME type inherited).
INSERT INTO organization_resource (org_id, uri, content_text) VALUES
('acme', 'config://company/style-guide', $t$# Acme writing style guide

- Lead with the answer. Short sentences.
- Always write "Acme" in full; never "ACME" or "the company".
- Dates as 24 Nov 2026 for customers, 2026-11-24 internally.$t$)
ON CONFLICT DO NOTHING;

-- acme: its own support policy, which its draft_customer_reply embeds (the prompt itself is not overridden).
INSERT INTO organization_resource (org_id, uri, content_text) VALUES
('acme', 'config://company/support-policy', $t$# Acme support policy

- Regulated customers: first response within 15 minutes, around the clock.
- Refunds within 60 days of a charge; credits up to 2 months without a manager.
- Never discuss another customer's incident.$t$)
ON CONFLICT DO NOTHING;

-- globex: switches one default off, and adds a prompt of its own.
INSERT INTO organization_prompt (org_id, name, active) VALUES
('globex', 'incident_postmortem', false)
ON CONFLICT DO NOTHING;
INSERT INTO organization_prompt (org_id, name, title, description, template, arguments) VALUES
('globex', 'globex_onboarding', 'Globex onboarding', 'Welcome a new Globex employee.',
$t$Write a welcome message for {{name}}, who joins the {{team}} team at Globex on {{start_date}}.
Mention their first-week buddy and where to find the security guidelines.$t$,
 '[{"name":"name","description":"The new employee","required":true},
   {"name":"team","description":"Their team","required":true},
   {"name":"start_date","description":"First day","required":false}]')
ON CONFLICT DO NOTHING;

-- initech: a new title only, and a resource of its own.
INSERT INTO organization_prompt (org_id, name, title) VALUES
('initech', 'summarize_document', 'TPS report summary')
ON CONFLICT DO NOTHING;
INSERT INTO organization_resource (org_id, uri, name, title, mime_type, content_text) VALUES
('initech', 'config://initech/tps-cover-sheet', 'tps-cover-sheet', 'TPS report cover sheet', 'text/plain',
$t$Every TPS report needs the new cover sheet. Fill in: report number, period, owner, reviewer.$t$)
ON CONFLICT DO NOTHING;
