-- What ActiveRecord runs for a migration (add_reference with an index and a foreign key, then a data fix),
-- as its SQL log and db/structure.sql show it.
BEGIN;
ALTER TABLE "message_feedbacks" ADD "reviewer_id" uuid;
CREATE INDEX "index_message_feedbacks_on_reviewer_id" ON "message_feedbacks" ("reviewer_id");
ALTER TABLE "message_feedbacks" ADD CONSTRAINT "fk_rails_3c1e7b9a2d"
FOREIGN KEY ("reviewer_id")
  REFERENCES "accounts" ("id")
;
DELETE FROM "message_feedbacks" WHERE "rating" IS NULL;
INSERT INTO "schema_migrations" ("version") VALUES ('20261207160000') RETURNING "version";
COMMIT;
