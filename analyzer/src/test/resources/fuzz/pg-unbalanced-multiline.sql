CREATE TABLE public.t (
    id uuid DEFAULT public.uuid_generate_v4() NOT NULL,
    name character varying(255) NOT NULL,
    note text DEFAULT (('x'::text)
);
