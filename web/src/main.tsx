import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './styles/theme.css';
import './styles/base.css';

createRoot(document.getElementById('root')!).render(<App />);
