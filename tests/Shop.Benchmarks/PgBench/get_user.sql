-- GetUser: UserRepository.FindAsync. Variables: users (-D).
\set n random(1, :users)
SELECT id, email, name, password_hash, created_at, updated_at FROM users WHERE id = ('00000001-0000-4000-8000-' || lpad((:n)::text, 12, '0'))::uuid;
