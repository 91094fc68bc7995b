CREATE TABLE public.t (
    id integer
);

+ CREATE TABLE public.u ();
