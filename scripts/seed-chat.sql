-- Seeds a chat database for the performance aims of issue 11: 100,000 conversations and about
-- 2,000,000 messages on the first WhatsApp number, one conversation holding 5,000 messages.
-- Takes a few minutes (plain SQL with generate_series); run it on a throwaway database only:
--
--   psql -h localhost -U odoo -d <db> -f scripts/seed-chat.sql
--
-- The database needs cusoft_whatsapp installed and one WhatsApp number (any state). Re-running adds
-- nothing: the seeded customers' numbers start with 990 and the script stops when they exist.
\set ON_ERROR_STOP on
\timing on

BEGIN;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM cusoft_whatsapp_account) THEN
        RAISE EXCEPTION 'Create a WhatsApp number first (Configuration → WhatsApp numbers).';
    END IF;
    IF EXISTS (SELECT 1 FROM cusoft_whatsapp_conversation WHERE wa_id LIKE '990%') THEN
        RAISE EXCEPTION 'This database is already seeded.';
    END IF;
END $$;

CREATE TEMP TABLE seed_account ON COMMIT DROP AS
SELECT id, company_id FROM cusoft_whatsapp_account ORDER BY id LIMIT 1;

-- 100,000 customers who wrote over the last ~70 days, a minute apart.
INSERT INTO cusoft_whatsapp_conversation
       (account_id, company_id, wa_id, profile_name, name, last_message_at, last_inbound_at,
        window_expires_at, unread_count, create_uid, write_uid, create_date, write_date)
SELECT a.id, a.company_id, '990' || lpad(g::text, 9, '0'), 'Customer ' || g, 'Customer ' || g,
       now() at time zone 'UTC' - make_interval(mins => g),
       now() at time zone 'UTC' - make_interval(mins => g),
       now() at time zone 'UTC' - make_interval(mins => g) + interval '24 hours',
       0, 1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
  FROM seed_account a, generate_series(1, 100000) AS g;

CREATE TEMP TABLE seed_conversation ON COMMIT DROP AS
SELECT c.id, c.account_id, c.company_id, c.last_message_at,
       CASE WHEN c.wa_id = '990000000001' THEN 5000 ELSE 20 END AS size
  FROM cusoft_whatsapp_conversation c
 WHERE c.wa_id LIKE '990%';

-- Messages oldest first, so ids grow with time as they do in production; two in three inbound.
INSERT INTO cusoft_whatsapp_message
       (conversation_id, account_id, company_id, direction, message_type, body, wamid, timestamp,
        state, media_state, media_attempts, send_attempts, media_voice,
        create_uid, write_uid, create_date, write_date)
SELECT c.id, c.account_id, c.company_id,
       CASE WHEN s % 3 = 0 THEN 'outbound' ELSE 'inbound' END,
       'text',
       CASE s % 5 WHEN 0 THEN 'Your order ' || c.id || '-' || s || ' is on its way'
                  WHEN 1 THEN 'Hello, is invoice ' || (c.id * 7 + s) || ' paid?'
                  WHEN 2 THEN 'Thanks a lot!'
                  WHEN 3 THEN 'Could you send me the catalogue for ' || (ARRAY['chairs','tables','lamps','rugs'])[1 + s % 4]
                  ELSE 'See you tomorrow at ' || (8 + s % 10) || ':00' END,
       'wamid.SEED' || c.id || '.' || s,
       c.last_message_at - make_interval(secs => (c.size - s) * 30),
       CASE WHEN s % 3 = 0 THEN 'read' ELSE 'received' END,
       'none', 0, 0, false,
       1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
  FROM seed_conversation c, generate_series(1, c.size) AS s
 ORDER BY c.last_message_at, c.id, s;

UPDATE cusoft_whatsapp_conversation c
   SET last_message_id = m.last_id, last_inbound_message_id = m.last_inbound
  FROM (SELECT conversation_id, max(id) AS last_id, max(id) FILTER (WHERE direction = 'inbound') AS last_inbound
          FROM cusoft_whatsapp_message WHERE wamid LIKE 'wamid.SEED%' GROUP BY conversation_id) m
 WHERE c.id = m.conversation_id;

COMMIT;

ANALYZE cusoft_whatsapp_conversation;
ANALYZE cusoft_whatsapp_message;

SELECT (SELECT count(*) FROM cusoft_whatsapp_conversation) AS conversations,
       (SELECT count(*) FROM cusoft_whatsapp_message) AS messages;
