function state = progressPlot(action, state, record, reason)
%PROGRESSPLOT  Plots 'training-progress' (internal), as MATLAB's training-progress window: the accuracy (or RMSE)
%   above and the loss below, per iteration, training as a line and validation as points.
%   state = progressPlot('open', fname)                     a figure, where one can be shown
%   state = progressPlot('update', state, record)           redraws it with what training reported (twice a second
%                                                          at most)
%   progressPlot('finish', state, record, reason)           draws it whole; where no figure could be shown
%                                                          (octave-cli, MATLAB -nodisplay), writes it as a PNG in
%                                                          the current folder instead and prints the file's name
switch action
  case 'open'
    fname = state;
    state = struct('title', sprintf('Training Progress (%s)', fname), 'live', false, 'figure', [], ...
                   'axes', [], 'lines', [], 'drawn', -Inf);
    if canShowFigures()
      try
        state = openFigure(state);
      catch
        state.live = false;
      end
    end
  case 'update'
    if state.live && now() * 86400 - state.drawn >= 0.5
      state = draw(state, record);
    end
  case 'finish'
    if state.live
      draw(state, record);
      title(state.axes(1), sprintf('%s: %s', state.title, reason));
      drawnow;
    else
      file = freshName(fullfile(pwd, 'training-progress'), '.png');
      javaMethod('writePng', bigru.internal.javaClass('TrainingPlot'), record, file, state.title, reason);
      fprintf('Training progress plot written to %s\n', file);
    end
end
end

function tf = canShowFigures()
% A display and a graphics toolkit to show figures with.
if exist('OCTAVE_VERSION', 'builtin') ~= 0
  tf = ~isempty(available_graphics_toolkits()) ...
       && (isguirunning() || ispc() || ismac() || ~isempty(getenv('DISPLAY')));
else
  tf = usejava('awt');
  try
    tf = tf && feature('ShowFigureWindows');
  catch
  end
end
end

function state = openFigure(state)
state.figure = figure('Name', state.title, 'NumberTitle', 'off');
labels = {'Accuracy (%) or RMSE', 'Loss'};
for k = 1:2
  ax = subplot(2, 1, k, 'Parent', state.figure);
  hold(ax, 'on');
  grid(ax, 'on');
  training = plot(ax, NaN, NaN, '-', 'Color', [0 0.447 0.741]);
  validation = plot(ax, NaN, NaN, 'ko--', 'MarkerFaceColor', 'k', 'MarkerSize', 4);
  ylabel(ax, labels{k});
  xlabel(ax, 'Iteration');
  state.axes(k) = ax;
  state.lines(k, :) = [training, validation];
end
title(state.axes(1), state.title);
legend(state.axes(2), {'Training', 'Validation'});
state.live = true;
drawnow;
end

function state = draw(state, record)
if record.classification()
  metric = 'Accuracy';
  ylabel(state.axes(1), 'Accuracy (%)');
else
  metric = 'RMSE';
  ylabel(state.axes(1), 'RMSE');
end
columns = {metric, 'Loss'};
x = double(record.iterationColumn('Iteration'));
vx = double(record.validationColumn('Iteration'));
for k = 1:2
  set(state.lines(k, 1), 'XData', x(:)', 'YData', reshape(double(record.iterationColumn(columns{k})), 1, []));
  set(state.lines(k, 2), 'XData', vx(:)', 'YData', reshape(double(record.validationColumn(columns{k})), 1, []));
end
drawnow;
state.drawn = now() * 86400;
end

function file = freshName(stem, extension)
% STEM EXTENSION, or STEM-2 EXTENSION, ...: a name no file has, so nothing is overwritten.
file = [stem extension];
k = 1;
while exist(file, 'file')
  k = k + 1;
  file = sprintf('%s-%d%s', stem, k, extension);
end
end
