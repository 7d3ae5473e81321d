function display(c)
%DISPLAY  name = followed by disp, for an expression without a semicolon.
name = inputname(1);
if isempty(name)
  name = 'ans';
end
fprintf('%s = \n\n', name);
disp(c);
end
