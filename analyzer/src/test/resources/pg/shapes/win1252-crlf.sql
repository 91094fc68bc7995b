--
-- PostgreSQL database dump
--

-- Dumped from database version 17.6
-- Dumped by pg_dump version 17.6

-- Started on 2025-09-02 10:14:07

-- (pg_dump 17 writes "SET transaction_timeout = 0;" here, which PostgreSQL 15 rejects: left out.)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'WIN1252';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;
--
-- TOC entry 216 (class 1259 OID 16399)
-- Name: cafés; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."cafés" (
    id integer NOT NULL,
    "preço" numeric(6,2) DEFAULT 2.50 NOT NULL,
    sabor text DEFAULT 'Não'::text,
    CONSTRAINT "cafés_sabor_check" CHECK ((sabor <> 'Ñ'::text))
);


--
-- TOC entry 4810 (class 0 OID 0)
-- Dependencies: 216
-- Name: TABLE "cafés"; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public."cafés" IS 'Cafés à la carte – €';


--
-- TOC entry 217 (class 1255 OID 16404)
-- Name: descreva(integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.descreva(n integer) RETURNS text
    LANGUAGE plpgsql
    AS $$
BEGIN
    -- açúcar
    RETURN 'café nº ' || n;
END
$$;


--
-- TOC entry 4657 (class 2606 OID 16403)
-- Name: cafés cafés_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."cafés"
    ADD CONSTRAINT "cafés_pkey" PRIMARY KEY (id);


-- Completed on 2025-09-02 10:14:07

--
-- PostgreSQL database dump complete
--

