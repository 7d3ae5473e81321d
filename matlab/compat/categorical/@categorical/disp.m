function disp(c)
%DISP  The size, then the elements by row, as MATLAB shows a categorical array.
sz = size(c.codes);
fprintf('  %s categorical array\n\n', strjoin(arrayfun(@num2str, sz, 'UniformOutput', false), 'x'));
if isempty(c.codes) || numel(sz) > 2
  return
end
text = cellstr(c);
width = max(cellfun(@numel, text(:)));
for i = 1:sz(1)
  fprintf('    %s\n', strjoin(cellfun(@(t) sprintf('%-*s', width, t), text(i, :), 'UniformOutput', false), '    '));
end
fprintf('\n');
end
