--
-- PostgreSQL database dump
--

\restrict sPgShApEs18xKey0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJK

-- Dumped from database version 18.1
-- Dumped by pg_dump version 18.1

-- (pg_dump 18 also writes "SET transaction_timeout = 0;" here, which PostgreSQL 15 rejects: left out so that
-- the fixture restores on the local server; the reader skips it like every SET.)
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
-- Name: releases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.releases (
    id integer CONSTRAINT versions_id_not_null NOT NULL,
    label text CONSTRAINT versions_name_not_null NOT NULL,
    shipped_on date,
    build_no integer DEFAULT 0 CONSTRAINT versions_build_not_null NOT NULL,
    notes text NOT NULL
);


--
-- Name: releases_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.releases_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: releases_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.releases_id_seq OWNED BY public.releases.id;


--
-- Name: releases id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.releases ALTER COLUMN id SET DEFAULT nextval('public.releases_id_seq'::regclass);


--
-- Name: releases releases_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.releases
    ADD CONSTRAINT releases_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

\unrestrict sPgShApEs18xKey0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJK

