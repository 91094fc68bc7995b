CREATE TABLE public.t (
    id integer
);

ALTER TABLE ONLY public.t
    ADD CONSTRAINT t_pkey PRIMARY KEY
    ;
