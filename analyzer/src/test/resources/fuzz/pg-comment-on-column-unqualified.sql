CREATE TABLE public.t (
    id integer
);

COMMENT ON COLUMN t IS 'the id';
