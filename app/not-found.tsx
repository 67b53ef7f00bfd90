import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="page">
      <h1>404: page not found</h1>
      <p>There is no lesson or lab at this address.</p>
      <p>
        <Link href="/">Back to the course</Link>
      </p>
    </main>
  );
}
