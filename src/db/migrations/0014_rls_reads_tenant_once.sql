-- Every policy reads the request's partnership and user through a sub-select, which
-- PostgreSQL evaluates once per query (an InitPlan) rather than once per row: a scan of
-- 4,000 people spent most of its time reading the setting 4,000 times. Index conditions
-- still use the value. Policies added later must be written the same way (a test checks).
DO $$
DECLARE
  policy record;
BEGIN
  FOR policy IN
    SELECT tablename, policyname, qual, with_check FROM pg_policies
    WHERE schemaname = current_schema()
  LOOP
    IF policy.qual LIKE '%current\_%\_id()%' THEN
      EXECUTE format('ALTER POLICY %I ON %I USING (%s)', policy.policyname, policy.tablename,
        replace(replace(policy.qual,
          'current_partnership_id()', '(SELECT current_partnership_id())'),
          'current_app_user_id()', '(SELECT current_app_user_id())'));
    END IF;
    IF policy.with_check LIKE '%current\_%\_id()%' THEN
      EXECUTE format('ALTER POLICY %I ON %I WITH CHECK (%s)', policy.policyname, policy.tablename,
        replace(replace(policy.with_check,
          'current_partnership_id()', '(SELECT current_partnership_id())'),
          'current_app_user_id()', '(SELECT current_app_user_id())'));
    END IF;
  END LOOP;
END $$;
