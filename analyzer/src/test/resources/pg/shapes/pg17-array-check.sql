--
-- PostgreSQL database dump
--

-- Dumped from database version 17.6
-- Dumped by pg_dump version 17.6

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
-- Name: phases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.phases (
    id integer NOT NULL,
    phase character varying(20) NOT NULL,
    kind character varying(10),
    CONSTRAINT phases_kind_check CHECK (((kind)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))),
    CONSTRAINT phases_phase_check CHECK (((phase)::text = ANY ((ARRAY['draft'::character varying, 'live'::character varying, 'gone'::character varying])::text[])))
);


--
-- Name: phases_live_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phases_live_idx ON public.phases USING btree (id) WHERE ((phase)::text = ANY ((ARRAY['draft'::character varying, 'live'::character varying])::text[]));


--
-- PostgreSQL database dump complete
--

