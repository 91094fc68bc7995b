--
-- PostgreSQL database dump
--

\restrict features

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: user; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."user" (
    id bigint NOT NULL,
    email character varying(255) NOT NULL,
    name text COLLATE pg_catalog."C",
    nick character varying(40) DEFAULT 'anon'::character varying,
    mood public.mood DEFAULT 'ok'::public.mood NOT NULL,
    tags text[] DEFAULT '{}'::text[],
    grid integer[],
    settings jsonb DEFAULT '{}'::jsonb NOT NULL,
    balance numeric(10,2) DEFAULT 0.00 NOT NULL,
    created_at timestamp(3) with time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0),
    active boolean DEFAULT true NOT NULL,
    score double precision DEFAULT '-1'::integer,
    ticket integer,
    uid uuid DEFAULT gen_random_uuid(),
    email_lower text GENERATED ALWAYS AS (lower((email)::text)) STORED,
    "order by" integer,
    CONSTRAINT user_balance_check CHECK ((balance >= (0)::numeric))
);


--
-- Name: TABLE "user"; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public."user" IS 'People who log in';


--
-- Name: COLUMN "user".email; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public."user".email IS 'Login, unique';


--
-- Name: COLUMN "user"."order by"; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public."user"."order by" IS 'A column with a space';


--
-- Name: cache_entries; Type: TABLE; Schema: public; Owner: -
--

CREATE UNLOGGED TABLE public.cache_entries (
    key text NOT NULL,
    value bytea,
    expires_at timestamp with time zone
);


--
-- Name: ticket_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.ticket_seq
    AS integer
    START WITH 100
    INCREMENT BY 5
    MINVALUE 10
    MAXVALUE 100000
    CACHE 20
    CYCLE;


--
-- Name: ticket_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.ticket_seq OWNED BY public."user".ticket;


--
-- Name: SEQUENCE ticket_seq; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON SEQUENCE public.ticket_seq IS 'Ticket numbers';


--
-- Name: user_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public."user" ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.user_id_seq
    START WITH 1000
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: user ticket; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."user" ALTER COLUMN ticket SET DEFAULT nextval('public.ticket_seq'::regclass);


--
-- Data for Name: cache_entries; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.cache_entries (key, value, expires_at) FROM stdin;
k;1	\\x00ff	2026-11-22 01:08:08.205999+00
\.


--
-- Data for Name: user; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public."user" (id, email, name, nick, mood, tags, grid, settings, balance, created_at, updated_at, active, score, ticket, uid, "order by") FROM stdin;
1000	semi;colon@x	it's; "quoted" $$ -- not a comment	anon	ok	{}	\N	{"a": "b;c"}	0.00	2026-11-22 01:08:08.203+00	2026-11-22 01:08:08	t	-1	100	535ae395-b430-4ef0-8e07-74eeab22b19f	\N
1001	two@x	line1\nline2\\.	anon	ok	{}	\N	{}	0.00	2026-11-22 01:08:08.203+00	2026-11-22 01:08:08	t	-1	105	725f57c8-cd5e-4a73-a03c-0c5399b6db62	\N
\.


--
-- Name: ticket_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ticket_seq', 195, true);


--
-- Name: user_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.user_id_seq', 1001, true);


--
-- Name: cache_entries cache_entries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cache_entries
    ADD CONSTRAINT cache_entries_pkey PRIMARY KEY (key);


--
-- Name: user user_email_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."user"
    ADD CONSTRAINT user_email_key UNIQUE (email);


--
-- Name: user user_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."user"
    ADD CONSTRAINT user_pkey PRIMARY KEY (id);


--
-- Name: user_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_created_idx ON public."user" USING btree (created_at DESC NULLS LAST);


--
-- Name: INDEX user_created_idx; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON INDEX public.user_created_idx IS 'Newest first';


--
-- Name: user_lower_email_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX user_lower_email_idx ON public."user" USING btree (lower((email)::text)) WHERE active;


--
-- Name: user_name_pattern; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_name_pattern ON public."user" USING btree (name text_pattern_ops) INCLUDE (email);


--
-- Name: user_name_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_name_trgm ON public."user" USING gin (name public.gin_trgm_ops);


--
-- Name: user_nick_collate; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_nick_collate ON public."user" USING btree (nick COLLATE "C", "order by");


--
-- Name: user_nick_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_nick_hash ON public."user" USING hash (nick);


--
-- Name: user_settings_gin; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_settings_gin ON public."user" USING gin (settings);


--
-- Name: user user_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER user_touch BEFORE UPDATE OF email, name ON public."user" FOR EACH ROW WHEN (((old.email)::text IS DISTINCT FROM (new.email)::text)) EXECUTE FUNCTION public.touch_updated_at();


--
-- PostgreSQL database dump complete
--

\unrestrict features

