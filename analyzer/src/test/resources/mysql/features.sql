-- Every MySQL/MariaDB fact the model holds, for the dump-versus-live test (MariaDB syntax).
CREATE TABLE accounts (
  id char(36) NOT NULL,
  name varchar(255) NOT NULL COMMENT 'display name',
  email varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  legacy_code varchar(10) CHARACTER SET latin1 DEFAULT NULL,
  status enum('active','banned','it''s') NOT NULL DEFAULT 'active',
  flags set('a','b') DEFAULT 'a,b',
  is_admin tinyint(1) NOT NULL DEFAULT 0,
  is_admin2 boolean NOT NULL DEFAULT false,
  settings json DEFAULT NULL,
  note text DEFAULT 'it''s \\ fine',
  balance decimal(12,2) unsigned NOT NULL DEFAULT '0.00',
  ratio double DEFAULT NULL,
  ratio4 float(7,3) DEFAULT NULL,
  born year DEFAULT NULL,
  flag bit(1) DEFAULT NULL,
  visits int(11) unsigned zerofill DEFAULT NULL,
  counter bigint(20) NOT NULL DEFAULT 0,
  created_at datetime NOT NULL DEFAULT current_timestamp(),
  updated_at datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  touched_at timestamp NULL DEFAULT NULL ON UPDATE current_timestamp(),
  email_lower varchar(255) AS (lower(email)) VIRTUAL,
  name_len int AS (char_length(name)) PERSISTENT,
  row_version int unsigned NOT NULL DEFAULT 1 INVISIBLE,
  PRIMARY KEY (id),
  UNIQUE KEY accounts_email (email),
  UNIQUE KEY accounts_name_status (name(100), status),
  KEY accounts_name_prefix (name(20)) COMMENT 'prefix only',
  KEY accounts_created_desc (created_at DESC, id),
  FULLTEXT KEY accounts_note_ft (note),
  CONSTRAINT accounts_version_positive CHECK (row_version > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC COMMENT='people';

CREATE TABLE sessions (
  id bigint NOT NULL AUTO_INCREMENT,
  account_id char(36) COLLATE utf8mb4_general_ci NOT NULL,
  parent_id bigint DEFAULT NULL,
  PRIMARY KEY (id),
  KEY sessions_account (account_id),
  CONSTRAINT sessions_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE ON UPDATE RESTRICT,
  CONSTRAINT sessions_parent_fk FOREIGN KEY (parent_id) REFERENCES sessions (id) ON DELETE SET NULL
) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE pairs (
  a int NOT NULL,
  b int NOT NULL,
  PRIMARY KEY (a, b),
  KEY pairs_b (b, a),
  CONSTRAINT pairs_a_fk FOREIGN KEY (a, b) REFERENCES pairs (b, a)
) ENGINE=InnoDB DEFAULT CHARSET=latin1;

DELIMITER ;;
CREATE TRIGGER accounts_bi BEFORE INSERT ON accounts FOR EACH ROW
BEGIN
  SET NEW.name = trim(NEW.name);
END;;
CREATE PROCEDURE touch_accounts() UPDATE accounts SET counter = counter + 1;;
DELIMITER ;

CREATE VIEW active_accounts AS SELECT id, name FROM accounts WHERE status = 'active';
