--
-- PostgreSQL database dump
--

-- Dumped from database version 9.6.24
-- Dumped by pg_dump version 9.6.24

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: extra; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA extra;


--
-- Name: plpgsql; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS plpgsql WITH SCHEMA pg_catalog;


--
-- Name: EXTENSION plpgsql; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION plpgsql IS 'PL/pgSQL procedural language';


SET search_path = public, pg_catalog;

--
-- Name: mood; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE mood AS ENUM (
    'sad',
    'ok'
);


--
-- Name: touch(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;


--
-- Name: cheer(mood); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION cheer(m mood) RETURNS mood
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT 'ok'::mood $$;


SET default_tablespace = '';

SET default_with_oids = false;

--
-- Name: people; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE people (
    id integer NOT NULL,
    feeling mood DEFAULT 'ok'::mood NOT NULL,
    name character varying(80),
    updated_at timestamp without time zone,
    CONSTRAINT people_name_check CHECK (((name)::text <> ''::text))
);


--
-- Name: COLUMN people.feeling; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN people.feeling IS 'how they feel';


--
-- Name: people_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE people_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: people_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE people_id_seq OWNED BY people.id;


--
-- Name: happy_people; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW happy_people AS
 SELECT people.id,
    cheer(people.feeling) AS cheered
   FROM people
  WHERE (people.feeling = 'ok'::mood);


SET search_path = extra, pg_catalog;

--
-- Name: pets; Type: TABLE; Schema: extra; Owner: -
--

CREATE TABLE pets (
    id bigint NOT NULL,
    owner_id integer,
    feeling public.mood
);


SET search_path = public, pg_catalog;

--
-- Name: people id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY people ALTER COLUMN id SET DEFAULT nextval('people_id_seq'::regclass);


--
-- Name: people people_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY people
    ADD CONSTRAINT people_pkey PRIMARY KEY (id);


SET search_path = extra, pg_catalog;

--
-- Name: pets pets_pkey; Type: CONSTRAINT; Schema: extra; Owner: -
--

ALTER TABLE ONLY pets
    ADD CONSTRAINT pets_pkey PRIMARY KEY (id);


--
-- Name: pets_owner_idx; Type: INDEX; Schema: extra; Owner: -
--

CREATE INDEX pets_owner_idx ON pets USING btree (owner_id) WHERE (feeling = 'ok'::public.mood);


SET search_path = public, pg_catalog;

--
-- Name: people_feeling_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX people_feeling_idx ON people USING btree (feeling);


--
-- Name: people_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER people_touch BEFORE UPDATE ON people FOR EACH ROW EXECUTE PROCEDURE touch();


SET search_path = extra, pg_catalog;

--
-- Name: pets_owner_fkey; Type: FK CONSTRAINT; Schema: extra; Owner: -
--

ALTER TABLE ONLY pets
    ADD CONSTRAINT pets_owner_fkey FOREIGN KEY (owner_id) REFERENCES public.people(id);


--
-- PostgreSQL database dump complete
--

