// /course was the one course before there were several: it now leads to the whole path.
import { redirect } from 'next/navigation';
import { MAIN_COURSE } from '../../lib/courses';

export const dynamic = 'force-dynamic';

export default function CoursePage() {
  redirect(`/courses/${MAIN_COURSE}`);
}
