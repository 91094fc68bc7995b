CREATE TABLE public.t (
    id integer NOT NULL
);

ALTER TABLE ONLY public.t;
