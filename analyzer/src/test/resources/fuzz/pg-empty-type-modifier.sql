CREATE TABLE public.t (
    id integer NOT NULL,
    name character varying() NOT NULL
);
