import { NavLink } from 'react-router';
import { useMessages } from '../../../lib/i18n/use-messages';
import { adminMessages } from '../messages';

/** The admin screens, one link each. */
export function AdminNav() {
  const t = useMessages(adminMessages);
  return (
    <nav className="admin-nav" aria-label={t.format('nav.label')}>
      <ul>
        <li>
          <NavLink to="/console/admin/quarantine">{t.format('nav.quarantine')}</NavLink>
        </li>
        <li>
          <NavLink to="/console/admin/config">{t.format('nav.config')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
