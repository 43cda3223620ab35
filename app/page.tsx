import { redirect } from 'next/navigation';

// The portal starts at the dashboard; it sends anyone not signed in to the login page.
export default function HomePage() {
  redirect('/dashboard');
}
