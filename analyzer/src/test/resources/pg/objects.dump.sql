--
-- PostgreSQL database dump
--

\restrict Ts2Ijle6kzddNmT4kfCeUv7ymR9CHG8Cfcl8ZcpuNuetVq3chQvHfOvKzNVyhUc

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

--
-- Name: amount; Type: DOMAIN; Schema: public; Owner: -
--

CREATE DOMAIN public.amount AS numeric(10,2) DEFAULT 0.00;


--
-- Name: DOMAIN amount; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON DOMAIN public.amount IS 'money';


--
-- Name: code; Type: DOMAIN; Schema: public; Owner: -
--

CREATE DOMAIN public.code AS text COLLATE pg_catalog."C"
	CONSTRAINT code_len CHECK ((length(VALUE) < 10))
	CONSTRAINT code_up CHECK ((VALUE = upper(VALUE)));


--
-- Name: posint; Type: DOMAIN; Schema: public; Owner: -
--

CREATE DOMAIN public.posint AS integer NOT NULL DEFAULT 1
	CONSTRAINT posint_check CHECK ((VALUE > 0));


--
-- Name: tags; Type: DOMAIN; Schema: public; Owner: -
--

CREATE DOMAIN public.tags AS text[];


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: account; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.account (
    id integer NOT NULL,
    owner text DEFAULT CURRENT_USER NOT NULL,
    score integer DEFAULT 5,
    level public.posint,
    ref public.code,
    balance public.amount,
    labels public.tags
)
WITH (fillfactor='70', autovacuum_enabled='false', toast.autovacuum_enabled='false');
ALTER TABLE ONLY public.account ALTER COLUMN owner SET STATISTICS 0;
ALTER TABLE ONLY public.account ALTER COLUMN owner SET (n_distinct=-0.5);
ALTER TABLE ONLY public.account ALTER COLUMN score SET STATISTICS 1000;

ALTER TABLE ONLY public.account FORCE ROW LEVEL SECURITY;


--
-- Name: account_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.account_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: account_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.account_id_seq OWNED BY public.account.id;


--
-- Name: account_scores; Type: MATERIALIZED VIEW; Schema: public; Owner: -
--

CREATE MATERIALIZED VIEW public.account_scores
WITH (fillfactor='50') AS
 SELECT account.id,
    account.score
   FROM public.account
  WITH NO DATA;


--
-- Name: event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.event (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now(),
    kind text,
    note text DEFAULT 'n'::text
);


--
-- Name: audit_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_event (
    kind text NOT NULL,
    actor text
)
INHERITS (public.event);


--
-- Name: blob; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.blob (
    id integer NOT NULL,
    body text,
    doc jsonb,
    raw bytea
);
ALTER TABLE ONLY public.blob ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE ONLY public.blob ALTER COLUMN doc SET STORAGE MAIN;
ALTER TABLE ONLY public.blob ALTER COLUMN doc SET COMPRESSION lz4;
ALTER TABLE ONLY public.blob ALTER COLUMN raw SET COMPRESSION pglz;

ALTER TABLE ONLY public.blob REPLICA IDENTITY FULL;


--
-- Name: keyed; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.keyed (
    id integer NOT NULL,
    k integer NOT NULL
);


--
-- Name: silent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.silent (
    id integer
);

ALTER TABLE ONLY public.silent REPLICA IDENTITY NOTHING;


--
-- Name: tagged; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tagged (
    tag text
);


--
-- Name: tagged_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tagged_event (
)
INHERITS (public.event, public.tagged);
ALTER TABLE ONLY public.tagged_event ALTER COLUMN tag SET STATISTICS 200;


--
-- Name: account id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account ALTER COLUMN id SET DEFAULT nextval('public.account_id_seq'::regclass);


--
-- Name: audit_event id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_event ALTER COLUMN id SET DEFAULT 42;


--
-- Name: audit_event at; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_event ALTER COLUMN at SET DEFAULT now();


--
-- Name: audit_event note; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_event ALTER COLUMN note SET DEFAULT 'n'::text;


--
-- Name: tagged_event at; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tagged_event ALTER COLUMN at SET DEFAULT NULL;


--
-- Name: tagged_event note; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tagged_event ALTER COLUMN note SET DEFAULT 'n'::text;


--
-- Name: account account_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account
    ADD CONSTRAINT account_pkey PRIMARY KEY (id);


--
-- Name: amount amount_pos; Type: CHECK CONSTRAINT; Schema: public; Owner: -
--

ALTER DOMAIN public.amount
    ADD CONSTRAINT amount_pos CHECK ((VALUE >= (0)::numeric)) NOT VALID;


--
-- Name: account_scores_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX account_scores_id ON public.account_scores USING btree (id);


--
-- Name: account_scores_score; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX account_scores_score ON public.account_scores USING btree (score DESC);


--
-- Name: INDEX account_scores_score; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON INDEX public.account_scores_score IS 'top scores';


--
-- Name: keyed_k; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX keyed_k ON public.keyed USING btree (k);

ALTER TABLE ONLY public.keyed REPLICA IDENTITY USING INDEX keyed_k;


--
-- Name: blob blob_no_negative; Type: RULE; Schema: public; Owner: -
--

CREATE RULE blob_no_negative AS
    ON INSERT TO public.blob
   WHERE (new.id < 0) DO INSTEAD NOTHING;


--
-- Name: blob blob_notify; Type: RULE; Schema: public; Owner: -
--

CREATE RULE blob_notify AS
    ON UPDATE TO public.blob DO
 NOTIFY blob;


--
-- Name: account; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.account ENABLE ROW LEVEL SECURITY;

--
-- Name: account account_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY account_all ON public.account USING (true) WITH CHECK ((score <> 3));


--
-- Name: account account_cap; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY account_cap ON public.account AS RESTRICTIVE FOR INSERT TO root WITH CHECK ((score < 100));


--
-- Name: account account_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY account_read ON public.account FOR SELECT USING ((owner = CURRENT_USER));


--
-- PostgreSQL database dump complete
--

\unrestrict Ts2Ijle6kzddNmT4kfCeUv7ymR9CHG8Cfcl8ZcpuNuetVq3chQvHfOvKzNVyhUc

