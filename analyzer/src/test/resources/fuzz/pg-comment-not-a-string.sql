CREATE TABLE public.t (
    id integer
);

COMMENT ON TABLE public.t IS x;
