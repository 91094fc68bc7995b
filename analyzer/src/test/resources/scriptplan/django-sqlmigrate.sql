BEGIN;
--
-- Add field feedback_score to message
--
ALTER TABLE "messages" ADD COLUMN "feedback_score" integer DEFAULT 0 NOT NULL;
ALTER TABLE "messages" ALTER COLUMN "feedback_score" DROP DEFAULT;
--
-- Alter field name on app
--
ALTER TABLE "apps" ALTER COLUMN "name" TYPE varchar(512) USING "name"::varchar(512);
--
-- Create index message_feedback_score_idx on field(s) feedback_score of model message
--
CREATE INDEX "message_feedback_score_idx" ON "messages" ("feedback_score");
COMMIT;
