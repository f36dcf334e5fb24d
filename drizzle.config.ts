import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/backend/db/schema/index.ts',
  out: './resources/migrations',
});
